import type { ClientRecord } from '../services/clients';

type ClientIdleLifetime = Pick<ClientRecord, 'clientId' | 'refreshTokenIdleLifetime'>;

/**
 * Builds the Query Engine `where` for the token families that are sessions at `now`: not revoked,
 * inside their absolute lifetime, and used within the idle lifetime of their client (its own or
 * the default; 0 is no idle limit). Returns null when no client exists, so nothing matches.
 *
 * The refresh_token grant measures idle time from the creation of the family's current refresh
 * token. This filter reads the family's `lastUsedAt`, which a replay within the reuse interval
 * also moves, so a session can stay listed up to `refreshTokenReuseInterval` seconds after the
 * grant stopped accepting it.
 */
export function activeSessionWhere(
  clients: ClientIdleLifetime[],
  defaultIdleLifetime: number,
  now: Date,
): Record<string, unknown> | null {
  const clientIdsByIdleLifetime = new Map<number, string[]>();
  for (const client of clients) {
    const idleLifetime = client.refreshTokenIdleLifetime ?? defaultIdleLifetime;
    clientIdsByIdleLifetime.set(idleLifetime, [...(clientIdsByIdleLifetime.get(idleLifetime) ?? []), client.clientId]);
  }
  if (clientIdsByIdleLifetime.size === 0) {
    return null;
  }

  const byClient = [...clientIdsByIdleLifetime].map(([idleLifetime, clientIds]) =>
    idleLifetime > 0
      ? { clientId: { $in: clientIds }, lastUsedAt: { $gte: new Date(now.getTime() - idleLifetime * 1000) } }
      : { clientId: { $in: clientIds } },
  );

  return { revokedAt: null, expiresAt: { $gt: now }, $or: byClient };
}

/**
 * Returns when a session ends if nobody uses it: the end of its absolute lifetime, or earlier
 * the end of its idle lifetime (0 is no idle limit).
 */
export function sessionExpiresAt(expiresAt: Date, lastUsedAt: Date | null, idleLifetime: number): Date {
  if (idleLifetime <= 0 || lastUsedAt === null) {
    return expiresAt;
  }
  const idleExpiresAt = new Date(lastUsedAt.getTime() + idleLifetime * 1000);
  return idleExpiresAt < expiresAt ? idleExpiresAt : expiresAt;
}
