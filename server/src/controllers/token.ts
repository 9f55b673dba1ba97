import OAuth2Server from '@node-oauth/oauth2-server';
import type { Context } from 'koa';

import { readClientCredentials } from '../oauth/client-credentials';
import { toOAuthError } from '../oauth/errors';
import { readFormParameters } from '../oauth/form-parameters';
import { requireSupportedGrantType } from '../oauth/grant-types';
import type { ErrorContext } from '../oauth/oauth-response';
import { sendErrorResponse, sendTokenResponse } from '../oauth/oauth-response';
import { createOAuthServer, Response, toLibraryRequest } from '../oauth/oauth-server';
import type { RateLimitKind } from '../services/rate-limits';
import type { Strapi } from '../utils/plugin';
import { logMessage } from '../utils/plugin';
import { getService } from '../utils/services';

/** `POST /oauth/token` (RFC 6749 §3.2). Every response is in the RFC's JSON shape. */
export default ({ strapi }: { strapi: Strapi }) => {
  let server: OAuth2Server | undefined;

  return {
    async token(ctx: Context) {
      const details: ErrorContext = { endpoint: 'token' };

      try {
        const parameters = readFormParameters(ctx);

        details.grantType = requireSupportedGrantType(parameters);

        const credentials = readClientCredentials(ctx.get('authorization') || undefined, parameters);
        details.clientId = credentials.clientId;

        const clientLimit: [RateLimitKind, string | undefined][] = [['clientAuthenticationPerClient', credentials.clientId]];
        await getService(strapi, 'rate-limits').assertAllowed(clientLimit);

        server ??= createOAuthServer(strapi);
        const token = await server
          .token(toLibraryRequest(ctx, parameters, credentials), new Response())
          .catch(async (error: unknown) => {
            if (toOAuthError(error).code === 'invalid_client') {
              await getService(strapi, 'rate-limits').recordFailure(clientLimit);
            }
            throw error;
          });

        sendTokenResponse(ctx, token);
        strapi.log.debug(
          logMessage('token issued', { clientId: details.clientId, grantType: details.grantType, userId: token.user.id }),
        );
      } catch (error) {
        sendErrorResponse(strapi, ctx, toOAuthError(error), details);
      }
    },
  };
};
