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

type Owner = { familyId: number } | { userId: number } | { clientId: string };

/**
 * Revokes token families and their tokens. A revoked family's refresh tokens and access tokens
 * all stop working from the next request on, because every check reads `revokedAt` from the
 * database.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const families = () => strapi.db.query(CONTENT_TYPES.tokenFamily);
  const refreshTokens = () => strapi.db.query(CONTENT_TYPES.refreshToken);
  const accessTokens = () => strapi.db.query(CONTENT_TYPES.accessToken);

  /** Revokes every family, refresh token and access token of the owner; returns the family count. */
  async function revokeAllOf(owner: Owner, reason: RevocationReason): Promise<number> {
    const familyWhere = 'familyId' in owner ? { id: owner.familyId } : owner;

    const revokedFamilies = await strapi.db.transaction(async () => {
      const revokedAt = new Date();
      const { count } = await families().updateMany({
        where: { ...familyWhere, revokedAt: null },
        data: { revokedAt, revokedReason: reason },
      });
      await refreshTokens().updateMany({ where: { ...owner, revokedAt: null }, data: { revokedAt } });
      await accessTokens().updateMany({ where: { ...owner, revokedAt: null }, data: { revokedAt } });
      return count;
    });

    if (revokedFamilies > 0) {
      strapi.log.info(logMessage('token families revoked', { ...owner, reason, families: revokedFamilies }));
    }
    return revokedFamilies;
  }

  return {
    /** Revokes one family. Returns whether this call revoked it (false if it already was). */
    async revokeFamily(familyId: number, reason: RevocationReason): Promise<boolean> {
      return (await revokeAllOf({ familyId }, reason)) > 0;
    },

    revokeFamiliesOfUser(userId: number, reason: RevocationReason): Promise<number> {
      return revokeAllOf({ userId }, reason);
    },

    revokeFamiliesOfClient(clientId: string, reason: RevocationReason): Promise<number> {
      return revokeAllOf({ clientId }, reason);
    },

    /** Revokes a single access token, leaving its family alone. Returns whether it changed. */
    async revokeAccessToken(id: number): Promise<boolean> {
      const { count } = await accessTokens().updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
      return count === 1;
    },
  };
};
