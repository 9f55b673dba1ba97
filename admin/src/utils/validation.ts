// PostgreSQL's `integer`, the column type of the per-client lifetimes, stops here; the settings
// use the same ceiling so that one rule covers every seconds field.
export const MAX_SECONDS = 2_147_483_647;

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

// RFC 6749 Appendix A.1: client_id = *VSCHAR, VSCHAR = %x20-7E.
const CLIENT_ID = /^[\x20-\x7E]+$/;

export function isPositiveInteger(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value > 0 && value <= MAX_SECONDS;
}

export function isNonNegativeInteger(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= MAX_SECONDS;
}

export function isScopeToken(value: string): boolean {
  return SCOPE_TOKEN.test(value);
}

export function isClientId(value: string): boolean {
  return value.length <= 255 && CLIENT_ID.test(value);
}

/** Splits a space-separated scope string (RFC 6749 §3.3) into its tokens. */
export function splitScopes(text: string): string[] {
  return text.split(' ').filter((token) => token.length > 0);
}
