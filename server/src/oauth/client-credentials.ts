import { InvalidClientError, InvalidRequestError } from './errors';

/** How the client identified itself, named as in RFC 8414 `token_endpoint_auth_methods_supported`. */
export type ClientAuthenticationMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface ClientCredentials {
  clientId?: string;
  clientSecret?: string;
  method: ClientAuthenticationMethod;
}

const BASIC_SCHEME = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;

/** Reverses `application/x-www-form-urlencoded` encoding, as RFC 6749 §2.3.1 requires for Basic. */
function formUrlDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

function decodeBasicCredentials(header: string): { clientId: string; clientSecret?: string } {
  const match = BASIC_SCHEME.exec(header);
  if (!match) {
    throw new InvalidClientError('Authorization header is not HTTP Basic');
  }

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) {
    throw new InvalidClientError('HTTP Basic credentials have no colon');
  }

  try {
    const clientId = formUrlDecode(decoded.slice(0, separator));
    const clientSecret = formUrlDecode(decoded.slice(separator + 1));
    return { clientId, clientSecret: clientSecret || undefined };
  } catch {
    // decodeURIComponent throws URIError on a `%` not followed by two hex digits.
    throw new InvalidClientError('HTTP Basic credentials are not form-url-encoded');
  }
}

/**
 * Reads the client's credentials from HTTP Basic or from the body (RFC 6749 §2.3.1). A client
 * must use one method only (§2.3); `client_id` may still appear in the body next to Basic when it
 * names the same client, as some SDKs send it.
 */
export function readClientCredentials(
  authorizationHeader: string | undefined,
  parameters: Record<string, string>,
): ClientCredentials {
  if (authorizationHeader) {
    const basic = decodeBasicCredentials(authorizationHeader);

    if (parameters.client_secret !== undefined) {
      throw new InvalidRequestError(
        'client authenticated with both HTTP Basic and client_secret',
        'The client must use only one authentication method.',
      );
    }

    if (parameters.client_id !== undefined && parameters.client_id !== basic.clientId) {
      throw new InvalidRequestError(
        'client_id in the body differs from HTTP Basic',
        'The client_id parameter does not match the HTTP Basic credentials.',
      );
    }

    return { ...basic, method: 'client_secret_basic' };
  }

  return {
    clientId: parameters.client_id,
    clientSecret: parameters.client_secret,
    method: parameters.client_secret ? 'client_secret_post' : 'none',
  };
}
