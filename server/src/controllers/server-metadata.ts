import type { Context } from 'koa';

import { toOAuthError } from '../oauth/errors';
import { sendErrorResponse, sendServerMetadataResponse } from '../oauth/oauth-response';
import { buildServerMetadata } from '../oauth/server-metadata';
import type { Strapi } from '../utils/plugin';

/** `GET /.well-known/oauth-authorization-server` (RFC 8414 §3). */
export default ({ strapi }: { strapi: Strapi }) => ({
  async show(ctx: Context) {
    try {
      sendServerMetadataResponse(ctx, buildServerMetadata(strapi));
    } catch (error) {
      sendErrorResponse(strapi, ctx, toOAuthError(error), { endpoint: 'server metadata' });
    }
  },
});
