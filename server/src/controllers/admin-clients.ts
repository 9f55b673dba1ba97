import type { Context } from 'koa';

import { readIdParameter, toApiError } from '../utils/api-errors';
import type { Strapi } from '../utils/plugin';
import { getService } from '../utils/services';

/** `/refreshing/clients` on the admin API. The plain secret is sent by `create` and `rotateSecret` only. */
export default ({ strapi }: { strapi: Strapi }) => {
  const clients = () => getService(strapi, 'client-management');

  return {
    async find(ctx: Context) {
      try {
        ctx.body = { data: await clients().list() };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async create(ctx: Context) {
      try {
        const { client, clientSecret } = await clients().create(ctx.request.body);
        ctx.status = 201;
        ctx.body = { data: client, clientSecret };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async update(ctx: Context) {
      try {
        ctx.body = { data: await clients().update(readIdParameter(ctx.params.id, 'Client'), ctx.request.body) };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async rotateSecret(ctx: Context) {
      try {
        const { client, clientSecret } = await clients().rotateSecret(readIdParameter(ctx.params.id, 'Client'));
        ctx.body = { data: client, clientSecret };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async delete(ctx: Context) {
      try {
        ctx.body = { data: await clients().delete(readIdParameter(ctx.params.id, 'Client')) };
      } catch (error) {
        throw toApiError(error);
      }
    },
  };
};
