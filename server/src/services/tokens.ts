import { sealSuccessor } from '../oauth/successor-seal';
import { hashTokenValue } from '../oauth/token-values';
import type { Strapi } from '../utils/plugin';
import { CONTENT_TYPES } from '../utils/plugin';

/** A stored refresh token row. `tokenHash` is the SHA-256 of the value; the value is never stored. */
export interface RefreshTokenRecord {
  id: number;
  familyId: number;
  userId: number;
  clientId: string;
  scope: string | null;
  expiresAt: string | Date;
  createdAt: string | Date;
  lastUsedAt: string | Date | null;
  rotatedAt: string | Date | null;
  revokedAt: string | Date | null;
  successorId: number | null;
  successorSealed: string | null;
}

/** A stored token family row: one login and every refresh token rotation made from it. */
export interface TokenFamilyRecord {
  id: number;
  userId: number;
  clientId: string;
  scope: string | null;
  expiresAt: string | Date;
  createdAt: string | Date;
  lastUsedAt: string | Date | null;
  revokedAt: string | Date | null;
  revokedReason: string | null;
  userAgent: string | null;
  ip: string | null;
}

/** A stored access token row. */
export interface AccessTokenRecord {
  id: number;
  createdAt: string | Date;
  familyId: number | null;
  userId: number | null;
  clientId: string;
  scope: string | null;
  expiresAt: string | Date;
  revokedAt: string | Date | null;
}

/** Where a token request came from, kept with the token family to show the user's sessions. */
export interface RequestMetadata {
  userAgent?: string;
  ip?: string;
}

export interface IssueRequest {
  accessToken: string;
  refreshToken: string;
  userId: number;
  clientId: string;
  scope: string[];
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
  metadata: RequestMetadata;
  // Set when rotating: the new refresh token joins this family and replaces the previous one,
  // whose value seals the successor for the reuse interval.
  rotation?: { familyId: number; previousRefreshTokenId: number; previousRefreshToken: string };
}

export interface IssuedTokens {
  familyId: number;
}

// Columns are `varchar(255)`; a longer user agent is cut rather than rejected.
const MAX_USER_AGENT_LENGTH = 255;

export function joinScope(scope: string[] | undefined): string | null {
  return scope && scope.length > 0 ? scope.join(' ') : null;
}

export function splitScope(scope: string | null | undefined): string[] {
  return scope ? scope.split(' ') : [];
}

// Writes below use the query engine's createMany() and updateMany(), which only write. create()
// reads the new row back, and update() reads the row before and after, which would cost a
// rotation six more queries and a login three. updateMany() leaves updatedAt alone, so the
// writes set it.
export default ({ strapi }: { strapi: Strapi }) => {
  const families = () => strapi.db.query(CONTENT_TYPES.tokenFamily);
  const refreshTokens = () => strapi.db.query(CONTENT_TYPES.refreshToken);
  const accessTokens = () => strapi.db.query(CONTENT_TYPES.accessToken);

  async function storeAccessToken(token: {
    accessToken: string;
    accessTokenExpiresAt: Date;
    familyId: number;
    userId: number;
    clientId: string;
    scope: string | null;
  }): Promise<void> {
    await accessTokens().createMany({
      data: [
        {
          tokenHash: hashTokenValue(token.accessToken),
          familyId: token.familyId,
          userId: token.userId,
          clientId: token.clientId,
          scope: token.scope,
          expiresAt: token.accessTokenExpiresAt,
        },
      ],
    });
  }

  return {
    /**
     * Stores an access token in an existing family, for a client that replays a refresh token
     * within the reuse interval and gets that family's current refresh token back.
     */
    async issueAccessToken(token: {
      accessToken: string;
      accessTokenExpiresAt: Date;
      familyId: number;
      userId: number;
      clientId: string;
      scope: string[];
    }): Promise<void> {
      await storeAccessToken({ ...token, scope: joinScope(token.scope) });
    },

    /**
     * Marks a family as used now, unless it is revoked, and returns whether it was not revoked.
     * Called first in every transaction that adds tokens to an existing family: the update locks
     * the family row, and revocation also writes the family row before its tokens, so a token is
     * never added to a family that a concurrent revocation is ending, and the two cannot deadlock.
     */
    async claimFamily(familyId: number): Promise<boolean> {
      const { count } = await families().updateMany({
        where: { id: familyId, revokedAt: null },
        data: { lastUsedAt: new Date() },
      });
      return count === 1;
    },

    /**
     * Stores the hashes of a new access token and refresh token, in a new token family or, when rotating, in
     * the family of the rotated token. Runs in one transaction so a pair is stored whole or not
     * at all.
     */
    async issue(request: IssueRequest): Promise<IssuedTokens> {
      return strapi.db.transaction(async (): Promise<IssuedTokens> => {
        const now = new Date();
        const scope = joinScope(request.scope);
        const userAgent = request.metadata.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;
        const ip = request.metadata.ip ?? null;

        let familyId: number;
        if (request.rotation) {
          familyId = request.rotation.familyId;
          await families().updateMany({ where: { id: familyId }, data: { userAgent, ip, updatedAt: now } });
        } else {
          const family = await families().createMany({
            data: [
              {
                userId: request.userId,
                clientId: request.clientId,
                scope,
                expiresAt: request.refreshTokenExpiresAt,
                lastUsedAt: now,
                userAgent,
                ip,
              },
            ],
          });
          familyId = Number(family.ids[0]);
        }

        const storedRefreshToken = await refreshTokens().createMany({
          data: [
            {
              tokenHash: hashTokenValue(request.refreshToken),
              familyId,
              userId: request.userId,
              clientId: request.clientId,
              scope,
              expiresAt: request.refreshTokenExpiresAt,
              userAgent,
              ip,
            },
          ],
        });

        if (request.rotation) {
          await refreshTokens().updateMany({
            where: { id: request.rotation.previousRefreshTokenId },
            data: {
              successorId: storedRefreshToken.ids[0],
              successorSealed: sealSuccessor(request.rotation.previousRefreshToken, request.refreshToken),
              updatedAt: now,
            },
          });
        }

        await storeAccessToken({ ...request, familyId, scope });

        return { familyId };
      });
    },

    async findRefreshTokenById(id: number): Promise<RefreshTokenRecord | null> {
      return (await refreshTokens().findOne({ where: { id } })) as RefreshTokenRecord | null;
    },

    async findFamily(id: number): Promise<TokenFamilyRecord | null> {
      return (await families().findOne({ where: { id } })) as TokenFamilyRecord | null;
    },

    async findRefreshToken(value: string): Promise<RefreshTokenRecord | null> {
      return (await refreshTokens().findOne({ where: { tokenHash: hashTokenValue(value) } })) as RefreshTokenRecord | null;
    },

    /**
     * Marks a refresh token as rotated, unless it already is or was revoked. Returns whether this
     * call made the change: the update is a compare-and-set, so of any number of concurrent
     * calls for one token exactly one returns true.
     */
    async markRotated(id: number): Promise<boolean> {
      const now = new Date();
      const { count } = await refreshTokens().updateMany({
        where: { id, rotatedAt: null, revokedAt: null },
        data: { rotatedAt: now, lastUsedAt: now },
      });
      return count === 1;
    },

    /** Returns the access token with this value in any state, or null. */
    async findAccessToken(value: string): Promise<AccessTokenRecord | null> {
      return (await accessTokens().findOne({ where: { tokenHash: hashTokenValue(value) } })) as AccessTokenRecord | null;
    },

    /** Returns the access token with this value if it is neither expired nor revoked, or null. */
    async findActiveAccessToken(value: string): Promise<AccessTokenRecord | null> {
      return (await accessTokens().findOne({
        where: { tokenHash: hashTokenValue(value), revokedAt: null, expiresAt: { $gt: new Date() } },
      })) as AccessTokenRecord | null;
    },
  };
};
