import type { ClientRecord } from '../services/clients';
import type { Strapi } from '../utils/plugin';
import { logMessage } from '../utils/plugin';
import { getService } from '../utils/services';
import { InvalidRequestError } from './errors';
import type { PresentedToken } from './token-lookup';

/**
 * Rejects a revocation request for a token issued to another client (RFC 7009 §2.1). The check
 * applies in every token state, so the error never reveals to another client whether the token
 * is still usable.
 */
export function assertIssuedToClient(token: PresentedToken, client: ClientRecord): void {
  if (token.record.clientId !== client.clientId) {
    throw new InvalidRequestError(
      `${token.type} of client ${token.record.clientId} presented for revocation`,
      'The token was not issued to this client.',
    );
  }
}

/**
 * Revokes a presented token. A refresh token, rotated or not, ends its whole token family with
 * the family's access tokens, as RFC 7009 §2.1 recommends for the tokens of one grant. An access
 * token is revoked alone, so its family's refresh token keeps working.
 */
export async function revokePresentedToken(strapi: Strapi, token: PresentedToken): Promise<void> {
  const revocation = getService(strapi, 'revocation');

  if (token.type === 'refresh_token') {
    await revocation.revokeFamily(token.record.familyId, 'revocation_request');
    return;
  }

  const revoked = await revocation.revokeAccessToken(token.record.id);
  if (revoked) {
    strapi.log.info(
      logMessage('access token revoked', {
        clientId: token.record.clientId,
        familyId: token.record.familyId ?? undefined,
        reason: 'revocation_request',
      }),
    );
  }
}
