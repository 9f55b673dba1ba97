import type { Context } from 'koa';

import { readIdParameter, toApiError } from '../utils/api-errors';
import type { Strapi } from '../utils/plugin';
import { getService } from '../utils/services';

/** `/refreshing/sessions` and the revocation routes on the admin API. */
export default ({ strapi }: { strapi: Strapi }) => {
  const sessions = () => getService(strapi, 'session-management');

  return {
    async find(ctx: Context) {
      try {
        ctx.body = await sessions().list(ctx.query);
      } catch (error) {
        throw toApiError(error);
      }
    },

    async revoke(ctx: Context) {
      try {
        ctx.body = { data: { revoked: await sessions().revokeSession(readIdParameter(ctx.params.id, 'Session')) } };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async revokeUserSessions(ctx: Context) {
      try {
        ctx.body = { data: { revoked: await sessions().revokeUserSessions(readIdParameter(ctx.params.userId, 'User')) } };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async revokeClientSessions(ctx: Context) {
      try {
        ctx.body = { data: { revoked: await sessions().revokeClientSessions(readIdParameter(ctx.params.id, 'Client')) } };
      } catch (error) {
        throw toApiError(error);
      }
    },
  };
};
