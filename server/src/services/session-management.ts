import { errors } from '@strapi/utils';

import { currentSettings } from '../oauth/settings';
import type { AdminSessionView, SessionUser } from '../sessions/session-view';
import { toAdminSessionView } from '../sessions/session-view';
import type { SessionQuery } from '../sessions/session-query';
import { sessionQuerySchema } from '../sessions/session-query';
import type { Strapi } from '../utils/plugin';
import { CONTENT_TYPES } from '../utils/plugin';
import { getService } from '../utils/services';
import type { ClientRecord } from './clients';
import type { TokenFamilyRecord } from './tokens';

export interface SessionPage {
  data: AdminSessionView[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** The admin API's view of every user's sessions: a paginated list, and revocation by session, user or client. */
export default ({ strapi }: { strapi: Strapi }) => {
  const families = () => strapi.db.query(CONTENT_TYPES.tokenFamily);
  const sessions = () => getService(strapi, 'sessions');
  const revocation = () => getService(strapi, 'revocation');

  async function findUsers(ids: number[]): Promise<Map<number, SessionUser>> {
    if (ids.length === 0) {
      return new Map();
    }
    const users = (await strapi.db.query(CONTENT_TYPES.user).findMany({
      where: { id: { $in: ids } },
      select: ['id', 'username', 'email'],
    })) as SessionUser[];
    return new Map(users.map((user) => [user.id, user]));
  }

  return {
    /** Lists the active sessions, most recently used first, filtered by user id or `client_id`. */
    async list(rawQuery: unknown): Promise<SessionPage> {
      const query: SessionQuery = sessionQuerySchema.parse(rawQuery);
      const { clients, activeWhere } = await sessions().loadScope();
      if (!activeWhere) {
        return { data: [], meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: 0, total: 0 } } };
      }

      const where: Record<string, unknown> = { ...activeWhere };
      if (query.userId !== undefined) {
        where.userId = query.userId;
      }
      if (query.clientId !== undefined) {
        where.clientId = query.clientId;
      }

      const total = await families().count({ where });
      const rows = (await families().findMany({
        where,
        orderBy: sessions().newestUseFirst,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      })) as TokenFamilyRecord[];

      const users = await findUsers([...new Set(rows.map((family) => family.userId))]);
      const defaultIdleLifetime = currentSettings(strapi).refreshTokenIdleLifetime;
      // `activeWhere` matches only families of existing clients, so every client is in the map.
      const data = rows.map((family) =>
        toAdminSessionView(family, clients.get(family.clientId)!, users.get(family.userId), defaultIdleLifetime),
      );

      const pageCount = Math.ceil(total / query.pageSize);
      return { data, meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount, total } } };
    },

    /** Ends one session. Throws NotFoundError for an unknown id. */
    async revokeSession(familyId: number): Promise<number> {
      const family = await families().findOne({ where: { id: familyId }, select: ['id'] });
      if (!family) {
        throw new errors.NotFoundError('Session not found');
      }
      return sessions().countThenRevoke({ id: familyId }, () => revocation().revokeFamily(familyId, 'admin_request'));
    },

    /** Ends every session of a users-permissions user. Throws NotFoundError for an unknown user. */
    async revokeUserSessions(userId: number): Promise<number> {
      const user = await strapi.db.query(CONTENT_TYPES.user).findOne({ where: { id: userId }, select: ['id'] });
      if (!user) {
        throw new errors.NotFoundError('User not found');
      }
      return sessions().countThenRevoke({ userId }, () => revocation().revokeFamiliesOfUser(userId, 'admin_request'));
    },

    /** Ends every session of a client, by its row id. Throws NotFoundError for an unknown client. */
    async revokeClientSessions(id: number): Promise<number> {
      const client = (await strapi.db.query(CONTENT_TYPES.client).findOne({ where: { id } })) as ClientRecord | null;
      if (!client) {
        throw new errors.NotFoundError('Client not found');
      }
      return sessions().countThenRevoke({ clientId: client.clientId }, () =>
        revocation().revokeFamiliesOfClient(client.clientId, 'admin_request'),
      );
    },
  };
};
