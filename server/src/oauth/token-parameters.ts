import { InvalidRequestError } from './errors';

/** The `token_type_hint` values of RFC 7009 §2.1, which RFC 7662 §2.1 reuses. */
export type TokenType = 'access_token' | 'refresh_token';

const TOKEN_TYPES: readonly TokenType[] = ['access_token', 'refresh_token'];

/** Returns the `token` parameter of a revocation or introspection request, which both RFCs require. */
export function requireTokenParameter(parameters: Record<string, string>): string {
  const token = parameters.token;
  if (token === undefined) {
    throw new InvalidRequestError('token is missing', 'The token parameter is missing.');
  }
  return token;
}

/**
 * Returns `token_type_hint` when it names a type this server issues, or undefined. An unknown
 * hint is ignored rather than rejected, because RFC 7009 §2.1 lets the server ignore the hint
 * and requires it to search every token type when the hint does not find the token.
 */
export function readTokenTypeHint(parameters: Record<string, string>): TokenType | undefined {
  const hint = parameters.token_type_hint;
  return TOKEN_TYPES.find((type) => type === hint);
}
