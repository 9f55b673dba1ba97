import { errors } from '@strapi/utils';

import { currentSettings } from '../oauth/settings';
import { activeSessionWhere } from '../sessions/active-session-filter';
import type { UserSessionView } from '../sessions/session-view';
import { toUserSessionView } from '../sessions/session-view';
import type { Strapi } from '../utils/plugin';
import { CONTENT_TYPES } from '../utils/plugin';
import { getService } from '../utils/services';
import type { ClientRecord } from './clients';
import type { TokenFamilyRecord } from './tokens';

/** Every client by `clientId`, with the `where` for the families that are sessions now. */
export interface SessionScope {
  clients: Map<string, ClientRecord>;
  // Null when no client exists, so that no family is a session.
  activeWhere: Record<string, unknown> | null;
}

const NEWEST_USE_FIRST = [{ lastUsedAt: 'desc' }, { id: 'desc' }];

/**
 * Sessions: token families that are neither revoked nor expired. Lists a user's own sessions and
 * ends them through the revocation service. `revoked` counts only families that were sessions,
 * though revocation also ends the user's idle and expired families, so that a longer idle
 * lifetime set later cannot bring them back.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const families = () => strapi.db.query(CONTENT_TYPES.tokenFamily);
  const revocation = () => getService(strapi, 'revocation');

  async function loadScope(): Promise<SessionScope> {
    const clients = (await strapi.db.query(CONTENT_TYPES.client).findMany({})) as ClientRecord[];
    return {
      clients: new Map(clients.map((client) => [client.clientId, client])),
      activeWhere: activeSessionWhere(clients, currentSettings(strapi).refreshTokenIdleLifetime, new Date()),
    };
  }

  /** Counts the sessions that match `where`, then runs `revoke`; returns the count. */
  async function countThenRevoke(where: Record<string, unknown>, revoke: () => Promise<unknown>): Promise<number> {
    const { activeWhere } = await loadScope();
    const count = activeWhere ? await families().count({ where: { ...activeWhere, ...where } }) : 0;
    await revoke();
    return count;
  }

  return {
    loadScope,
    countThenRevoke,
    newestUseFirst: NEWEST_USE_FIRST,

    /** Lists the user's sessions, most recently used first, flagging the one of `currentFamilyId`. */
    async listForUser(userId: number, currentFamilyId: number | undefined): Promise<UserSessionView[]> {
      const { clients, activeWhere } = await loadScope();
      if (!activeWhere) {
        return [];
      }

      const rows = (await families().findMany({
        where: { ...activeWhere, userId },
        orderBy: NEWEST_USE_FIRST,
      })) as TokenFamilyRecord[];
      // `activeWhere` matches only families of existing clients, so every client is in the map.
      return rows.map((family) => toUserSessionView(family, clients.get(family.clientId)!, currentFamilyId));
    },

    /** Ends one of the user's sessions. Throws NotFoundError for another user's or an unknown id. */
    async revokeForUser(userId: number, familyId: number): Promise<void> {
      const { activeWhere } = await loadScope();
      const family = activeWhere ? await families().findOne({ where: { ...activeWhere, id: familyId, userId }, select: ['id'] }) : null;
      if (!family) {
        throw new errors.NotFoundError('Session not found');
      }
      await revocation().revokeFamily(familyId, 'user_request');
    },

    /** Ends every session of the user but `currentFamilyId` (all of them when it is undefined). */
    revokeOthersForUser(userId: number, currentFamilyId: number | undefined): Promise<number> {
      const where = currentFamilyId === undefined ? { userId } : { userId, id: { $ne: currentFamilyId } };
      return countThenRevoke(where, () =>
        revocation().revokeFamiliesOfUser(userId, 'user_request', { exceptFamilyId: currentFamilyId }),
      );
    },

    /** Ends every session of the user, the current one included. */
    revokeAllForUser(userId: number): Promise<number> {
      return countThenRevoke({ userId }, () => revocation().revokeFamiliesOfUser(userId, 'user_request'));
    },
  };
};
