import OAuth2Server, { Request, Response } from '@node-oauth/oauth2-server';
import type { Context } from 'koa';

import type { Strapi } from '../utils/plugin';
import type { ClientCredentials } from './client-credentials';
import { createPasswordGrantType } from './grants/password-grant-type';
import { createRefreshTokenGrantType } from './grants/refresh-token-grant-type';
import { createModel } from './model';
import { currentSettings } from './settings';

/** Creates the library's server with our model and grant types. */
export function createOAuthServer(strapi: Strapi): OAuth2Server {
  const settings = currentSettings(strapi);

  return new OAuth2Server({
    // The library's model type also requires `getAccessToken`, which only its own
    // `authenticate()` uses; the content-API strategy checks access tokens instead.
    model: createModel(strapi) as unknown as OAuth2Server.PasswordModel,
    accessTokenLifetime: settings.accessTokenLifetime,
    refreshTokenLifetime: settings.refreshTokenLifetime,
    alwaysIssueNewRefreshToken: true,
    // Public clients send only `client_id` (RFC 6749 §2.1); the model still requires the secret of
    // a confidential client.
    requireClientAuthentication: { password: false, refresh_token: false },
    extendedGrantTypes: {
      password: createPasswordGrantType(strapi) as never,
      refresh_token: createRefreshTokenGrantType(strapi) as never,
    },
  });
}

/**
 * Builds the library's request from a checked Koa request. Client credentials travel in the body
 * in decoded form, so the library never parses HTTP Basic itself: it would skip the form-url
 * decoding that RFC 6749 §2.3.1 requires.
 */
export function toLibraryRequest(
  ctx: Context,
  parameters: Record<string, string>,
  credentials: ClientCredentials,
): Request {
  const { authorization: _authorization, ...headers } = ctx.request.headers;

  const body: Record<string, string> = { ...parameters };
  delete body.client_id;
  delete body.client_secret;
  if (credentials.clientId !== undefined) {
    body.client_id = credentials.clientId;
  }
  if (credentials.clientSecret !== undefined) {
    body.client_secret = credentials.clientSecret;
  }

  return new Request({
    method: ctx.method,
    headers: headers as Record<string, string>,
    query: {},
    body,
    metadata: { userAgent: ctx.get('user-agent') || undefined, ip: ctx.request.ip },
  });
}

export { Response };
