import type { Request } from '@node-oauth/oauth2-server';

import type { RequestMetadata } from '../services/tokens';

/** Reads the metadata that the token controller attaches to the library's request. */
export function requestMetadata(request: Request | undefined): RequestMetadata {
  return (request as (Request & { metadata?: RequestMetadata }) | undefined)?.metadata ?? {};
}
