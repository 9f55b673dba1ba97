import { randomUUID } from 'node:crypto';

import { sealSuccessor } from '../oauth/successor-seal';
import { hashTokenValue } from '../oauth/token-values';
import type { User } from './users';
import { createBatchLoader, inKeyOrder } from '../utils/batch-loader';
import { getService } from '../utils/services';
import type { Strapi } from '../utils/plugin';
import { CONTENT_TYPES, logMessage } from '../utils/plugin';

/**
 * A stored refresh token row. `tokenHash` is the SHA-256 of the value; the value is never stored.
 * A token made by rotation names the token it replaced in `predecessorId` and keeps its own value
 * in `sealedValue`, encrypted under a key derived from that predecessor's value.
 */
export interface RefreshTokenRecord {
  id: number;
  tokenHash: string;
  familyId: number;
  userId: number;
  clientId: string;
  scope: string | null;
  expiresAt: string | Date;
  createdAt: string | Date;
  lastUsedAt: string | Date | null;
  rotatedAt: string | Date | null;
  revokedAt: string | Date | null;
  predecessorId: number | null;
  sealedValue: string | null;
  userAgent: string | null;
  ip: string | null;
}

// The columns of RefreshTokenRecord. Reading only these skips Strapi's own columns, such as
// documentId and publishedAt, which the query engine would otherwise convert on every read.
const REFRESH_TOKEN_FIELDS = [
  'id',
  'tokenHash',
  'familyId',
  'userId',
  'clientId',
  'scope',
  'expiresAt',
  'createdAt',
  'lastUsedAt',
  'rotatedAt',
  'revokedAt',
  'predecessorId',
  'sealedValue',
  'userAgent',
  'ip',
] satisfies Array<keyof RefreshTokenRecord>;

/** A stored refresh token and its user, when the user may hold tokens. */
export interface PresentedRecord {
  record: RefreshTokenRecord;
  user: User | null;
}

/** A refresh grant waiting for its batch: the presented value, and what the grant decides on it. */
export interface RefreshRequest {
  value: string;
  decide: (presented: PresentedRecord | null) => Promise<RotationRequest | null>;
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

/** A new login: a token family with its first refresh token and access token. */
export interface IssueRequest {
  accessToken: string;
  refreshToken: string;
  userId: number;
  clientId: string;
  scope: string[];
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
  metadata: RequestMetadata;
}

export interface IssuedTokens {
  familyId: number;
}

/** A refresh token presented for rotation, as it was read before the rotation. */
export interface PresentedRefreshToken {
  id: number;
  familyId: number;
  value: string;
  metadata: RequestMetadata;
}

/**
 * A rotation: the presented refresh token retires and a new pair joins its family.
 * `refreshTokenExpiresAt` is the family's, since rotation never extends it.
 */
export interface RotationRequest extends IssueRequest {
  previous: PresentedRefreshToken;
}

// Columns are `varchar(255)`; a longer user agent is cut rather than rejected.
const MAX_USER_AGENT_LENGTH = 255;

// Thrown inside a batch's transaction to roll it back when one of its rows changed since it was
// read. The batch's rotations then run one by one, and each finds out which row changed.
class BatchConflict extends Error {}

export function joinScope(scope: string[] | undefined): string | null {
  return scope && scope.length > 0 ? scope.join(' ') : null;
}

export function splitScope(scope: string | null | undefined): string[] {
  return scope ? scope.split(' ') : [];
}

/**
 * Strapi gives every row of a content type a `documentId`, by default a cuid2, whose SHA-3 took
 * about 3 % of a refresh's CPU time. These rows are never documents of the Document Service, so a
 * UUID from the operating system's random source serves.
 */
function newDocumentId(): string {
  return randomUUID();
}

function storedMetadata(metadata: RequestMetadata): { userAgent: string | null; ip: string | null } {
  return { userAgent: metadata.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null, ip: metadata.ip ?? null };
}

function sameMetadata(left: RequestMetadata, right: RequestMetadata): boolean {
  const a = storedMetadata(left);
  const b = storedMetadata(right);
  return a.userAgent === b.userAgent && a.ip === b.ip;
}

/** Runs `task` and returns its error as a value, as DataLoader expects for one failed key. */
async function settle<T>(task: () => Promise<T>): Promise<T | Error> {
  try {
    return await task();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

// Writes below use the query engine's createMany() and updateMany(), which only write. create()
// reads the new row back, and update() reads the row before and after, which would cost a
// rotation six more queries and a login three. updateMany() leaves updatedAt alone, so the
// writes set it.
//
// The refresh grant reads and rotates through a batch loader (`../utils/batch-loader`): the reads
// of concurrent refreshes share two queries, and their rotations share one transaction.
export default ({ strapi }: { strapi: Strapi }) => {
  const families = () => strapi.db.query(CONTENT_TYPES.tokenFamily);
  const refreshTokens = () => strapi.db.query(CONTENT_TYPES.refreshToken);
  const accessTokens = () => strapi.db.query(CONTENT_TYPES.accessToken);

  function accessTokenRow(token: Omit<IssueRequest, 'refreshToken' | 'refreshTokenExpiresAt' | 'metadata'>, familyId: number) {
    return {
      documentId: newDocumentId(),
      tokenHash: hashTokenValue(token.accessToken),
      familyId,
      userId: token.userId,
      clientId: token.clientId,
      scope: joinScope(token.scope),
      expiresAt: token.accessTokenExpiresAt,
    };
  }

  function refreshTokenRow(token: IssueRequest, familyId: number) {
    return {
      documentId: newDocumentId(),
      tokenHash: hashTokenValue(token.refreshToken),
      familyId,
      userId: token.userId,
      clientId: token.clientId,
      scope: joinScope(token.scope),
      expiresAt: token.refreshTokenExpiresAt,
      ...storedMetadata(token.metadata),
    };
  }

  function rotatedRefreshTokenRow(rotation: RotationRequest) {
    return {
      ...refreshTokenRow(rotation, rotation.previous.familyId),
      predecessorId: rotation.previous.id,
      sealedValue: sealSuccessor(rotation.previous.value, rotation.refreshToken),
    };
  }

  /**
   * Marks families as used now, unless revoked, and returns how many it marked. Called first in
   * every transaction that adds tokens to existing families, because the update locks the family
   * rows. Revocation also writes the family rows before their tokens, so a token is never added
   * to a family that a concurrent revocation is ending.
   */
  async function claimFamilies(ids: number[], now: Date): Promise<number> {
    const { count } = await families().updateMany({
      where: { id: { $in: ids }, revokedAt: null },
      data: { lastUsedAt: now, updatedAt: now },
    });
    return count;
  }

  /**
   * Marks refresh tokens as rotated, unless already rotated or revoked, and returns how many it
   * marked. The update is a compare-and-set: of concurrent calls for one token, exactly one
   * counts it.
   */
  async function markRotated(ids: number[], now: Date): Promise<number> {
    const { count } = await refreshTokens().updateMany({
      where: { id: { $in: ids }, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: now, lastUsedAt: now, updatedAt: now },
    });
    return count;
  }

  /** Keeps where the family was used last, when a rotation comes from elsewhere than the one before. */
  async function recordMetadata(rotations: readonly RotationRequest[], now: Date): Promise<void> {
    for (const rotation of rotations) {
      if (!sameMetadata(rotation.metadata, rotation.previous.metadata)) {
        await families().updateMany({
          where: { id: rotation.previous.familyId },
          data: { ...storedMetadata(rotation.metadata), updatedAt: now },
        });
      }
    }
  }

  /**
   * Rotates in one transaction, all or nothing. Throws BatchConflict when a family was revoked or
   * a token rotated or revoked since it was read, which rolls back every rotation of the batch.
   */
  async function rotateAll(rotations: readonly RotationRequest[]): Promise<void> {
    await strapi.db.transaction(async () => {
      const now = new Date();
      const familyIds = [...new Set(rotations.map((rotation) => rotation.previous.familyId))].sort((a, b) => a - b);
      if ((await claimFamilies(familyIds, now)) !== familyIds.length) {
        throw new BatchConflict();
      }
      const tokenIds = rotations.map((rotation) => rotation.previous.id).sort((a, b) => a - b);
      if ((await markRotated(tokenIds, now)) !== tokenIds.length) {
        throw new BatchConflict();
      }
      await recordMetadata(rotations, now);
      await refreshTokens().createMany({ data: rotations.map(rotatedRefreshTokenRow) });
      await accessTokens().createMany({
        data: rotations.map((rotation) => accessTokenRow(rotation, rotation.previous.familyId)),
      });
    });
  }

  /** Rotates alone, in its own transaction. Returns false when the family or the token changed first. */
  async function rotateAlone(rotation: RotationRequest): Promise<boolean> {
    try {
      await rotateAll([rotation]);
      return true;
    } catch (error) {
      if (error instanceof BatchConflict) {
        return false;
      }
      throw error;
    }
  }

  /**
   * Rotates the batch in one transaction when nothing changed since the reads, which is the
   * usual case. Otherwise, or on any database error, each rotation runs alone, so one revoked
   * family or raced token affects only its own request. A token presented twice in one batch
   * rotates once; its repeats return false and read the token again, as a request that lost the
   * compare-and-set does.
   */
  async function rotateBatch(rotations: readonly RotationRequest[]): Promise<Array<boolean | Error>> {
    if (rotations.length === 1) {
      return [await settle(() => rotateAlone(rotations[0]))];
    }

    const firstIndex = new Map<number, number>();
    rotations.forEach((rotation, index) => {
      if (!firstIndex.has(rotation.previous.id)) {
        firstIndex.set(rotation.previous.id, index);
      }
    });
    const distinct = rotations.filter((rotation, index) => firstIndex.get(rotation.previous.id) === index);

    const results = new Map<RotationRequest, boolean | Error>();
    try {
      await rotateAll(distinct);
      distinct.forEach((rotation) => results.set(rotation, true));
    } catch (error) {
      if (!(error instanceof BatchConflict)) {
        strapi.log.debug(logMessage('batched rotation failed, rotating one by one', { size: distinct.length, error: String(error) }));
      }
      for (const rotation of distinct) {
        results.set(rotation, await settle(() => rotateAlone(rotation)));
      }
    }

    const outcomes: Array<boolean | Error> = [];
    for (const rotation of rotations) {
      const first = rotations[firstIndex.get(rotation.previous.id)!];
      if (first === rotation) {
        outcomes.push(results.get(rotation)!);
      } else {
        // The first request settled the token: rotated, or found it changed. Only an error left
        // it as it was, and then this request tries too.
        const settled = results.get(first)!;
        outcomes.push(settled instanceof Error ? await settle(() => rotateAlone(rotation)) : false);
      }
    }
    return outcomes;
  }

  /** Reads refresh tokens by value and their users: two queries for any number of tokens. */
  async function findPresented(values: readonly string[]): Promise<Array<PresentedRecord | null>> {
    const hashes = values.map(hashTokenValue);
    const rows = (await refreshTokens().findMany({
      select: REFRESH_TOKEN_FIELDS,
      where: { tokenHash: { $in: [...new Set(hashes)] } },
    })) as RefreshTokenRecord[];
    if (rows.length === 0) {
      return hashes.map(() => null);
    }
    const users = await getService(strapi, 'users').findActiveByIds(rows.map((row) => row.userId));
    return inKeyOrder(hashes, rows, (row) => row.tokenHash).map((record) =>
      record ? { record, user: users.get(record.userId) ?? null } : null,
    );
  }

  /**
   * Runs one batch of refresh grants: reads every presented token, lets each request decide on
   * its own token, and rotates the tokens that the requests accepted, in one transaction.
   */
  async function refreshBatch(requests: readonly RefreshRequest[]): Promise<Array<boolean | Error>> {
    const presented = await findPresented(requests.map((request) => request.value));
    const decisions = await Promise.all(requests.map((request, index) => settle(() => request.decide(presented[index]))));

    // A decision is an error, null (no rotation) or a rotation; only rotations go to the database.
    const outcomes: Array<boolean | Error> = decisions.map((decision) => (decision instanceof Error ? decision : false));
    const accepted = decisions.flatMap((decision, index) => (decision && !(decision instanceof Error) ? [{ index, rotation: decision }] : []));
    if (accepted.length > 0) {
      const rotated = await rotateBatch(accepted.map(({ rotation }) => rotation));
      accepted.forEach(({ index }, position) => {
        outcomes[index] = rotated[position];
      });
    }
    return outcomes;
  }

  const refreshes = createBatchLoader<RefreshRequest, boolean>(refreshBatch);

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
      await accessTokens().createMany({ data: [accessTokenRow(token, token.familyId)] });
    },

    /**
     * Marks a family as used now, unless it is revoked, and returns whether it was not revoked.
     * Call it first in a transaction that adds tokens to the family, to lock the family row.
     */
    async claimFamily(familyId: number): Promise<boolean> {
      return (await claimFamilies([familyId], new Date())) === 1;
    },

    /**
     * Stores a new login: a token family with the hashes of its first refresh token and access
     * token, in one transaction so that a pair is stored whole or not at all.
     */
    async issue(request: IssueRequest): Promise<IssuedTokens> {
      return strapi.db.transaction(async (): Promise<IssuedTokens> => {
        const family = await families().createMany({
          data: [
            {
              documentId: newDocumentId(),
              userId: request.userId,
              clientId: request.clientId,
              scope: joinScope(request.scope),
              expiresAt: request.refreshTokenExpiresAt,
              lastUsedAt: new Date(),
              ...storedMetadata(request.metadata),
            },
          ],
        });
        const familyId = Number(family.ids[0]);

        await refreshTokens().createMany({ data: [refreshTokenRow(request, familyId)] });
        await accessTokens().createMany({ data: [accessTokenRow(request, familyId)] });

        return { familyId };
      });
    },

    /**
     * Reads the refresh token with this value and its user, calls `decide` with them (null when no
     * token has this value), and rotates the token when `decide` returns a rotation. Resolves to
     * whether it rotated. It did not when `decide` returned null, or when the family was revoked
     * or the token rotated or revoked after the read, and then nothing was stored. An error
     * thrown by `decide` rejects.
     *
     * The reads and rotations of concurrent calls share two queries and one transaction. Call it
     * outside any transaction.
     */
    refresh(value: string, decide: RefreshRequest['decide']): Promise<boolean> {
      return refreshes.load({ value, decide });
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
     * Returns the refresh token with this value in any state and its user, or null. The user is
     * null when blocked, unconfirmed or deleted (see the users service's `findActiveByIds`).
     */
    async findPresentedRefreshToken(value: string): Promise<PresentedRecord | null> {
      return (await findPresented([value]))[0];
    },

    /** Returns the refresh token that replaced the one with this id, or null. */
    async findSuccessor(id: number): Promise<RefreshTokenRecord | null> {
      return (await refreshTokens().findOne({ where: { predecessorId: id } })) as RefreshTokenRecord | null;
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
