import type { Context } from 'koa';

import { readIdParameter, toApiError } from '../utils/api-errors';
import type { Strapi } from '../utils/plugin';
import { getService } from '../utils/services';

interface SignedInState {
  user: { id: number };
  // Set by the access-token strategy; undefined when a users-permissions JWT authenticated.
  refreshingTokenFamilyId?: number;
}

/**
 * `/api/refreshing/sessions`: the signed-in user's own sessions. These are Strapi APIs, so
 * errors use Strapi's `{ data, error }` envelope, not the OAuth shape.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const sessions = () => getService(strapi, 'sessions');
  const signedIn = (ctx: Context) => ctx.state as SignedInState;

  return {
    async find(ctx: Context) {
      try {
        const { user, refreshingTokenFamilyId } = signedIn(ctx);
        ctx.body = { data: await sessions().listForUser(user.id, refreshingTokenFamilyId) };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async delete(ctx: Context) {
      try {
        await sessions().revokeForUser(signedIn(ctx).user.id, readIdParameter(ctx.params.id, 'Session'));
        ctx.status = 204;
      } catch (error) {
        throw toApiError(error);
      }
    },

    async revokeOthers(ctx: Context) {
      try {
        const { user, refreshingTokenFamilyId } = signedIn(ctx);
        ctx.body = { data: { revoked: await sessions().revokeOthersForUser(user.id, refreshingTokenFamilyId) } };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async revokeAll(ctx: Context) {
      try {
        ctx.body = { data: { revoked: await sessions().revokeAllForUser(signedIn(ctx).user.id) } };
      } catch (error) {
        throw toApiError(error);
      }
    },
  };
};
