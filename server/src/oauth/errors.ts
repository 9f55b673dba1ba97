import { OAuthError as LibraryOAuthError } from '@node-oauth/oauth2-server';

/**
 * An error response of the token, revocation and introspection endpoints (RFC 6749 §5.2).
 * `description` is the fixed text sent to the client. `message` is the specific reason, which
 * goes to the log only.
 */
export class OAuthError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly description: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OAuthError';
  }
}

export class InvalidRequestError extends OAuthError {
  constructor(message: string, description = 'The request is missing a parameter, repeats one, or is otherwise malformed.') {
    super('invalid_request', 400, description, message);
  }
}

export class InvalidClientError extends OAuthError {
  constructor(message: string) {
    super('invalid_client', 401, 'Client authentication failed.', message);
  }
}

export class InvalidGrantError extends OAuthError {
  constructor(message: string) {
    super('invalid_grant', 400, 'The grant or refresh token is invalid, expired or revoked.', message);
  }
}

export class UnauthorizedClientError extends OAuthError {
  constructor(message: string) {
    super('unauthorized_client', 400, 'The client is not allowed to use this grant type.', message);
  }
}

export class UnsupportedGrantTypeError extends OAuthError {
  constructor(message: string) {
    super('unsupported_grant_type', 400, 'The grant type is not supported by this server.', message);
  }
}

export class InvalidScopeError extends OAuthError {
  constructor(message: string) {
    super('invalid_scope', 400, 'The requested scope is invalid or exceeds the granted scope.', message);
  }
}

/**
 * Too many failed attempts for a user, address or client. RFC 6749 defines no code for this, so
 * the response uses `slow_down`, the token-endpoint code that RFC 8628 §3.5 registers for a
 * client that must wait, with status 429 and `Retry-After` (RFC 6585 §4).
 */
export class TooManyRequestsError extends OAuthError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('slow_down', 429, 'Too many failed attempts. Retry after the time in the Retry-After header.', message);
  }
}

export class ServerError extends OAuthError {
  constructor(message: string, cause?: unknown) {
    super('server_error', 500, 'The server encountered an unexpected error.', message, { cause });
  }
}

const LIBRARY_ERRORS: Record<string, (message: string) => OAuthError> = {
  invalid_request: (message) => new InvalidRequestError(message),
  invalid_client: (message) => new InvalidClientError(message),
  invalid_grant: (message) => new InvalidGrantError(message),
  unauthorized_client: (message) => new UnauthorizedClientError(message),
  unsupported_grant_type: (message) => new UnsupportedGrantTypeError(message),
  invalid_scope: (message) => new InvalidScopeError(message),
};

/**
 * Converts anything thrown while handling a request into one of our OAuth errors. The library's
 * own errors keep their RFC code. Everything else becomes a 500 `server_error` whose cause goes
 * to the log only, including the library's `server_error`, which the library would send as 503.
 */
export function toOAuthError(error: unknown): OAuthError {
  if (error instanceof OAuthError) {
    return error;
  }

  if (error instanceof LibraryOAuthError) {
    // The library wraps anything that is not its own error class in a ServerError, our own
    // errors thrown from the grant types included.
    const inner = (error as LibraryOAuthError & { inner?: unknown }).inner;
    if (inner instanceof OAuthError) {
      return inner;
    }

    const create = LIBRARY_ERRORS[error.name];
    if (create) {
      return create(error.message);
    }
    return new ServerError(error.message, inner ?? error);
  }

  return new ServerError(error instanceof Error ? error.message : String(error), error);
}
