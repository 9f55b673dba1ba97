import type { Context } from 'koa';

import type { Strapi } from '../utils/plugin';
import { PLUGIN_ID } from '../utils/plugin';

/**
 * Routes at the server root, outside `/api`, where OAuth clients expect them. They carry their
 * own client authentication, so Strapi's content-API authentication is off for them.
 */
export function oauthRoutes(strapi: Strapi) {

  return [
    {
      method: 'POST',
      path: '/oauth/token',
      handler: (ctx: Context, next: () => Promise<void>) => strapi.controller(`plugin::${PLUGIN_ID}.token`).token(ctx, next),
      config: { auth: false },
    },
  ];
}
