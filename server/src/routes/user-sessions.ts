import type { Context } from 'koa';

import type { Strapi } from '../utils/plugin';
import { PLUGIN_ID } from '../utils/plugin';

/**
 * The user's own sessions on the content API, under `/api/refreshing`.
 *
 * Route auth, as Strapi 5.54 does it: a plugin route with a string handler gets the scope
 * `plugin::refreshing.<controller>.<action>`, and the users-permissions strategy then requires
 * that action in the user's role, so every role would need a new permission. These routes have
 * function handlers, which get no scope. The content-API strategies then accept any
 * authenticated request, and return 401 without credentials. The `is-signed-in-user` policy
 * narrows that to the two strategies that authenticate a user, because a full-access API token
 * also passes a route without a scope. Function handlers also keep the actions out of the
 * users-permissions role editor, which lists only controller actions bound by name.
 */
export function userSessionRoutes(strapi: Strapi) {
  const handle = (action: string) => (ctx: Context, next: () => Promise<void>) =>
    strapi.controller(`plugin::${PLUGIN_ID}.user-sessions`)[action](ctx, next);
  const config = { policies: [`plugin::${PLUGIN_ID}.is-signed-in-user`] };

  return {
    type: 'content-api',
    prefix: `/${PLUGIN_ID}`,
    routes: [
      { method: 'GET', path: '/sessions', handler: handle('find'), config },
      { method: 'POST', path: '/sessions/revoke-others', handler: handle('revokeOthers'), config },
      { method: 'POST', path: '/sessions/revoke-all', handler: handle('revokeAll'), config },
      { method: 'DELETE', path: '/sessions/:id', handler: handle('delete'), config },
    ],
  };
}
