import type { Context, Next } from 'koa';

import { PLUGIN_ID } from '../utils/plugin';

// Matches the content manager's entry routes for this plugin's content types, such as
// /content-manager/collection-types/plugin::refreshing.client/abc and its relations routes.
const INTERNAL_ENTRY_ROUTE = new RegExp(`^/content-manager/(collection-types|single-types|relations)/plugin::${PLUGIN_ID}\\.`);

/**
 * Answers 404 to the content manager's entry routes for the plugin's content types. They are
 * hidden from its menu, but Strapi 5.54 still serves their rows to a Super Admin, and those rows
 * contain the client secret hashes and token hashes. The plugin's own admin API is the way in.
 */
export async function guardInternalContentTypes(ctx: Context, next: Next): Promise<void> {
  if (!INTERNAL_ENTRY_ROUTE.test(decodeURIComponent(ctx.path))) {
    return next();
  }

  ctx.status = 404;
  ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
}
