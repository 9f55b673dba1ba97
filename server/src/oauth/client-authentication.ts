import type { Context } from 'koa';

import type { ClientRecord } from '../services/clients';
import type { RateLimitKind } from '../services/rate-limits';
import type { Strapi } from '../utils/plugin';
import { getService } from '../utils/services';
import type { ClientCredentials } from './client-credentials';
import { readClientCredentials } from './client-credentials';
import { InvalidClientError } from './errors';

/**
 * Authenticates the client of a revocation or introspection request as the token endpoint does
 * (RFC 6749 §2.3.1): HTTP Basic or body credentials for a confidential client, `client_id` alone
 * for a public one. Throws `invalid_client` when the client is unknown, disabled or fails.
 */
export async function authenticateClient(
  strapi: Strapi,
  ctx: Context,
  parameters: Record<string, string>,
): Promise<{ client: ClientRecord; credentials: ClientCredentials }> {
  const credentials = readClientCredentials(ctx.get('authorization') || undefined, parameters);
  if (!credentials.clientId) {
    throw new InvalidClientError('no client_id and no HTTP Basic credentials');
  }

  const limit: [RateLimitKind, string][] = [['clientAuthenticationPerClient', credentials.clientId]];
  await getService(strapi, 'rate-limits').assertAllowed(limit);

  const client = await getService(strapi, 'clients').authenticate(credentials.clientId, credentials.clientSecret);
  if (!client) {
    await getService(strapi, 'rate-limits').recordFailure(limit);
    throw new InvalidClientError(`client ${credentials.clientId} failed authentication (${credentials.method})`);
  }

  return { client, credentials };
}
