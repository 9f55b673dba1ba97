import type { Context } from 'koa';

import { authenticateClient } from '../oauth/client-authentication';
import { toOAuthError } from '../oauth/errors';
import { readFormParameters } from '../oauth/form-parameters';
import type { ErrorContext } from '../oauth/oauth-response';
import { sendErrorResponse, sendRevocationResponse } from '../oauth/oauth-response';
import { findPresentedToken } from '../oauth/token-lookup';
import { readTokenTypeHint, requireTokenParameter } from '../oauth/token-parameters';
import { assertIssuedToClient, revokePresentedToken } from '../oauth/token-revocation';
import type { Strapi } from '../utils/plugin';

/**
 * `POST /oauth/revoke` (RFC 7009). Unknown, expired and already revoked tokens get the same 200
 * as a revoked one (§2.2), so a client cannot probe which tokens exist.
 */
export default ({ strapi }: { strapi: Strapi }) => ({
  async revoke(ctx: Context) {
    const details: ErrorContext = { endpoint: 'revocation' };

    try {
      const parameters = readFormParameters(ctx);

      const { client } = await authenticateClient(strapi, ctx, parameters);
      details.clientId = client.clientId;

      const value = requireTokenParameter(parameters);
      const token = await findPresentedToken(strapi, value, readTokenTypeHint(parameters));

      if (token) {
        assertIssuedToClient(token, client);
        await revokePresentedToken(strapi, token);
      }

      sendRevocationResponse(ctx);
    } catch (error) {
      sendErrorResponse(strapi, ctx, toOAuthError(error), details);
    }
  },
});
