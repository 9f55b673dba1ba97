import type { Strapi } from '../utils/plugin';
import { CONTENT_TYPES, logMessage } from '../utils/plugin';

/** Why a token family ended; stored on the family and logged. */
export type RevocationReason =
  | 'refresh_token_reuse'
  | 'revocation_request'
  | 'user_blocked'
  | 'user_deleted'
  | 'password_changed'
  | 'client_disabled'
  | 'client_deleted'
  | 'user_request'
  | 'admin_request';

/**
 * The families a call revokes, as a Query Engine `where` on token families and the same set as a
 * `where` on refresh tokens and access tokens, with the ids that the log line names.
 */
interface RevocationTarget {
  families: Record<string, unknown>;
  tokens: Record<string, unknown>;
  details: Record<string, unknown>;
}

/**
 * Revokes token families and their tokens. A revoked family's refresh tokens and access tokens
 * all stop working from the next request on, because every check reads `revokedAt` from the
 * database.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const families = () => strapi.db.query(CONTENT_TYPES.tokenFamily);
  const refreshTokens = () => strapi.db.query(CONTENT_TYPES.refreshToken);
  const accessTokens = () => strapi.db.query(CONTENT_TYPES.accessToken);

  /** Revokes every family, refresh token and access token of the target; returns the family count. */
  async function revokeAllOf(target: RevocationTarget, reason: RevocationReason): Promise<number> {
    const revokedFamilies = await strapi.db.transaction(async () => {
      const revokedAt = new Date();
      const { count } = await families().updateMany({
        where: { ...target.families, revokedAt: null },
        data: { revokedAt, revokedReason: reason },
      });
      await refreshTokens().updateMany({ where: { ...target.tokens, revokedAt: null }, data: { revokedAt } });
      await accessTokens().updateMany({ where: { ...target.tokens, revokedAt: null }, data: { revokedAt } });
      return count;
    });

    if (revokedFamilies > 0) {
      strapi.log.info(logMessage('token families revoked', { ...target.details, reason, families: revokedFamilies }));
    }
    return revokedFamilies;
  }

  return {
    /** Revokes one family. Returns whether this call revoked it (false if it already was). */
    async revokeFamily(familyId: number, reason: RevocationReason): Promise<boolean> {
      const target = { families: { id: familyId }, tokens: { familyId }, details: { familyId } };
      return (await revokeAllOf(target, reason)) > 0;
    },

    /** Revokes the user's families, except `exceptFamilyId` when given; returns the family count. */
    revokeFamiliesOfUser(userId: number, reason: RevocationReason, options: { exceptFamilyId?: number } = {}): Promise<number> {
      const { exceptFamilyId } = options;
      if (exceptFamilyId === undefined) {
        return revokeAllOf({ families: { userId }, tokens: { userId }, details: { userId } }, reason);
      }
      return revokeAllOf(
        {
          families: { userId, id: { $ne: exceptFamilyId } },
          tokens: { userId, familyId: { $ne: exceptFamilyId } },
          details: { userId, exceptFamilyId },
        },
        reason,
      );
    },

    revokeFamiliesOfClient(clientId: string, reason: RevocationReason): Promise<number> {
      return revokeAllOf({ families: { clientId }, tokens: { clientId }, details: { clientId } }, reason);
    },

    /** Revokes a single access token, leaving its family alone. Returns whether it changed. */
    async revokeAccessToken(id: number): Promise<boolean> {
      const { count } = await accessTokens().updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
      return count === 1;
    },
  };
};
