/**
 * Every default of the plugin config, in one place. A deployment overrides them under
 * `refreshing.config` in `config/plugins`.
 */
export const defaults = {
  // Seconds an access token stays valid. Access tokens are looked up in the database on every
  // request, so revocation takes effect at once; raise this only to cut token-endpoint traffic.
  accessTokenLifetime: 900,

  // Seconds a token family (one login) lives, counted from the login and not extended by
  // rotation. Lower it for shared devices; raise it for apps where signing in again is costly.
  refreshTokenLifetime: 30 * 24 * 60 * 60,

  // Seconds a token family may go unused before its refresh token expires (RFC 9700 §4.14.2).
  // Lower it to end forgotten sessions sooner; 0 turns the idle limit off.
  refreshTokenIdleLifetime: 14 * 24 * 60 * 60,

  // Seconds after a rotation during which the just-rotated refresh token, presented again by the
  // same client, returns the same successor instead of revoking the family. Covers apps that send
  // two refreshes at once. Keep it to a few seconds; 0 treats every second use as a replay.
  refreshTokenReuseInterval: 10,

  // The `issuer` of the server metadata (RFC 8414). Set it when Strapi runs behind a proxy whose
  // public URL differs from `server.url`.
  issuer: undefined as string | undefined,

  // Brute-force protection (RFC 6749 §4.3.2): failed attempts allowed per key within `duration`
  // seconds before the endpoint answers 429. A success resets the identifier's count. Lower the
  // points to lock out guessing sooner; raise the per-IP limit when many users share one address.
  rateLimits: {
    passwordPerIdentifier: { points: 10, duration: 15 * 60 },
    passwordPerIp: { points: 100, duration: 15 * 60 },
    clientAuthenticationPerClient: { points: 20, duration: 15 * 60 },
    // 'memory' counts per Strapi process. With several instances, use 'redis' and pass a
    // connected ioredis or node-redis client as `redisClient`, so that they share the counts.
    store: 'memory' as 'memory' | 'redis',
    redisClient: undefined as unknown,
  },

  // Clients kept as code and upserted at every start. Clients made in the admin panel are kept too.
  clients: [] as ConfigClient[],
};

/** A client declared in the plugin config. Omit `clientSecret` for a public client. */
export interface ConfigClient {
  clientId: string;
  name: string;
  clientSecret?: string;
  grants: string[];
  scopes?: string[];
  accessTokenLifetime?: number;
  refreshTokenLifetime?: number;
  refreshTokenIdleLifetime?: number;
  resourceServer?: boolean;
}

export type PluginConfig = typeof defaults;
