import type { Context } from 'koa';
import type { Token } from '@node-oauth/oauth2-server';

import type { Strapi } from '../utils/plugin';
import { logMessage } from '../utils/plugin';
import type { OAuthError } from './errors';
import { TooManyRequestsError } from './errors';
import type { ServerMetadata } from './server-metadata';
import type { IntrospectionResponse } from './token-introspection';

/** Sets the headers RFC 6749 §5.1 requires on every response that carries a token. */
function preventCaching(ctx: Context): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Pragma', 'no-cache');
}

/** Sends a successful access token response (RFC 6749 §5.1). */
export function sendTokenResponse(ctx: Context, token: Token): void {
  const expiresIn = Math.max(0, Math.round((token.accessTokenExpiresAt!.getTime() - Date.now()) / 1000));

  const body: Record<string, string | number> = {
    access_token: token.accessToken,
    token_type: 'Bearer',
    expires_in: expiresIn,
  };
  if (token.refreshToken) {
    body.refresh_token = token.refreshToken;
  }
  if (token.scope && token.scope.length > 0) {
    body.scope = token.scope.join(' ');
  }

  preventCaching(ctx);
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = body;
}

export interface ErrorContext {
  endpoint: string;
  clientId?: string;
  grantType?: string;
}

/**
 * Sends an error response in the RFC 6749 §5.2 shape and logs the specific reason, which is
 * never sent to the client. A server error is logged with its cause at error level, and every
 * other error at info level.
 */
export function sendErrorResponse(strapi: Strapi, ctx: Context, error: OAuthError, details: ErrorContext): void {
  const line = logMessage(`${details.endpoint} ${error.code}`, {
    clientId: details.clientId,
    grantType: details.grantType,
    reason: error.message,
  });
  if (error.status >= 500) {
    strapi.log.error(line);
    strapi.log.error(error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : String(error.cause));
  } else {
    strapi.log.info(line);
  }

  if (error instanceof TooManyRequestsError) {
    ctx.set('Retry-After', String(error.retryAfterSeconds));
  }

  if (error.code === 'invalid_client') {
    // RFC 6749 §5.2: a 401 names the scheme the client can authenticate with.
    ctx.set('WWW-Authenticate', 'Basic realm="oauth"');
  }

  preventCaching(ctx);
  ctx.status = error.status;
  ctx.type = 'application/json';
  ctx.body = { error: error.code, error_description: error.description };
}

/** Sends the response to a revocation request: 200 with an empty body (RFC 7009 §2.2). */
export function sendRevocationResponse(ctx: Context): void {
  preventCaching(ctx);
  ctx.status = 200;
  ctx.body = '';
}

/**
 * Sends an introspection response (RFC 7662 §2.2), 200 for active and inactive tokens alike. It
 * describes a token, so it is kept out of caches as a token response is.
 */
export function sendIntrospectionResponse(ctx: Context, response: IntrospectionResponse): void {
  preventCaching(ctx);
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = response;
}

/** Sends the authorization server metadata document (RFC 8414 §3.2). */
export function sendServerMetadataResponse(ctx: Context, metadata: ServerMetadata): void {
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = metadata;
}
