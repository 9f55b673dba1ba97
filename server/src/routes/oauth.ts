import type { Context } from 'koa';

import { ENDPOINT_PATHS } from '../oauth/endpoint-paths';
import type { Strapi } from '../utils/plugin';
import { PLUGIN_ID } from '../utils/plugin';

/**
 * Routes at the server root, outside `/api`, where OAuth clients expect them. They carry their
 * own client authentication, so Strapi's content-API authentication is off for them.
 */
export function oauthRoutes(strapi: Strapi) {
  const handle = (controller: string, action: string) => (ctx: Context, next: () => Promise<void>) =>
    strapi.controller(`plugin::${PLUGIN_ID}.${controller}`)[action](ctx, next);

  return [
    {
      method: 'POST',
      path: ENDPOINT_PATHS.token,
      handler: handle('token', 'token'),
      config: { auth: false },
    },
    {
      method: 'POST',
      path: ENDPOINT_PATHS.revocation,
      handler: handle('revocation', 'revoke'),
      config: { auth: false },
    },
    {
      method: 'POST',
      path: ENDPOINT_PATHS.introspection,
      handler: handle('introspection', 'introspect'),
      config: { auth: false },
    },
    {
      method: 'GET',
      path: ENDPOINT_PATHS.serverMetadata,
      handler: handle('server-metadata', 'show'),
      config: { auth: false },
    },
  ];
}
