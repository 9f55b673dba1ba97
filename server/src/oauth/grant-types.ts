import { InvalidRequestError, UnsupportedGrantTypeError } from './errors';

/** Grant types this server implements, by their `grant_type` wire value (RFC 6749 §4, §6). */
export const SUPPORTED_GRANT_TYPES = ['password', 'refresh_token'] as const;

export type GrantType = (typeof SUPPORTED_GRANT_TYPES)[number];

export function isSupportedGrantType(value: string): value is GrantType {
  return (SUPPORTED_GRANT_TYPES as readonly string[]).includes(value);
}

/** Returns the request's `grant_type` after checking it is present (RFC 6749 §4) and supported. */
export function requireSupportedGrantType(parameters: Record<string, string>): GrantType {
  const grantType = parameters.grant_type;
  if (grantType === undefined) {
    throw new InvalidRequestError('grant_type is missing', 'The grant_type parameter is missing.');
  }
  if (!isSupportedGrantType(grantType)) {
    throw new UnsupportedGrantTypeError(`grant_type ${JSON.stringify(grantType.slice(0, 64))} is not supported`);
  }
  return grantType;
}
