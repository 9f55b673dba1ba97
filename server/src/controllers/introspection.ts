import type { Context } from 'koa';

import { authenticateClient } from '../oauth/client-authentication';
import { toOAuthError } from '../oauth/errors';
import { readFormParameters } from '../oauth/form-parameters';
import type { ErrorContext } from '../oauth/oauth-response';
import { sendErrorResponse, sendIntrospectionResponse } from '../oauth/oauth-response';
import { assertConfidentialClient, introspectToken } from '../oauth/token-introspection';
import { findPresentedToken } from '../oauth/token-lookup';
import { readTokenTypeHint, requireTokenParameter } from '../oauth/token-parameters';
import type { Strapi } from '../utils/plugin';

/**
 * `POST /oauth/introspect` (RFC 7662). Only confidential clients may call it. A token the client
 * may not see gets the same `{ "active": false }` as an unknown one.
 */
export default ({ strapi }: { strapi: Strapi }) => ({
  async introspect(ctx: Context) {
    const details: ErrorContext = { endpoint: 'introspection' };

    try {
      const parameters = readFormParameters(ctx);

      const { client } = await authenticateClient(strapi, ctx, parameters);
      details.clientId = client.clientId;
      assertConfidentialClient(client);

      const value = requireTokenParameter(parameters);
      const token = await findPresentedToken(strapi, value, readTokenTypeHint(parameters));

      sendIntrospectionResponse(ctx, await introspectToken(strapi, client, token));
    } catch (error) {
      sendErrorResponse(strapi, ctx, toOAuthError(error), details);
    }
  },
});
