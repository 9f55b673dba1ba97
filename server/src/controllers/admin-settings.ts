import type { Context } from 'koa';

import { toApiError } from '../utils/api-errors';
import type { Strapi } from '../utils/plugin';
import { getService } from '../utils/services';

/**
 * `/refreshing/settings` on the admin API: reads the settings in force with the config file's
 * values as `defaults`, saves new settings, or deletes the saved ones.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const settings = () => getService(strapi, 'settings');

  return {
    async find(ctx: Context) {
      try {
        ctx.body = settings().find();
      } catch (error) {
        throw toApiError(error);
      }
    },

    async update(ctx: Context) {
      try {
        ctx.body = { data: await settings().update(ctx.request.body) };
      } catch (error) {
        throw toApiError(error);
      }
    },

    async reset(ctx: Context) {
      try {
        ctx.body = { data: await settings().reset() };
      } catch (error) {
        throw toApiError(error);
      }
    },
  };
};
