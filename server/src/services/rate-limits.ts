import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

import { TooManyRequestsError } from '../oauth/errors';
import { currentSettings } from '../oauth/settings';
import type { Strapi } from '../utils/plugin';
import { logMessage } from '../utils/plugin';

/** What a limit counts failures of, named as the config keys under `rateLimits`. */
export type RateLimitKind = 'passwordPerIdentifier' | 'passwordPerIp' | 'clientAuthenticationPerClient';

/**
 * Counts failed attempts per key with rate-limiter-flexible and rejects a key that used up its
 * points until its window ends. Limiters are built on first use from the settings in force, and
 * rebuilt when those settings change.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const limiters = new Map<RateLimitKind, { limiter: RateLimiterAbstract; signature: string }>();

  function limiterFor(kind: RateLimitKind): RateLimiterAbstract {
    const settings = currentSettings(strapi).rateLimits;
    const { points, duration } = settings[kind];
    const signature = `${settings.store}:${points}:${duration}`;

    const cached = limiters.get(kind);
    if (cached && cached.signature === signature) {
      return cached.limiter;
    }

    const options = { keyPrefix: `refreshing:${kind}`, points, duration };
    const limiter =
      settings.store === 'redis'
        ? new RateLimiterRedis({ ...options, storeClient: settings.redisClient })
        : new RateLimiterMemory(options);
    limiters.set(kind, { limiter, signature });
    return limiter;
  }

  return {
    /** Throws `TooManyRequestsError` when any of the keys has no failed attempts left. */
    async assertAllowed(checks: Array<[RateLimitKind, string | undefined]>): Promise<void> {
      for (const [kind, key] of checks) {
        if (!key) {
          continue;
        }
        const limiter = limiterFor(kind);
        const state = await limiter.get(key);
        if (state && state.consumedPoints >= limiter.points) {
          const retryAfter = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
          strapi.log.warn(logMessage('rate limit reached', { limit: kind, retryAfter }));
          throw new TooManyRequestsError(`${kind} limit reached`, retryAfter);
        }
      }
    },

    /** Counts one failed attempt against each key. */
    async recordFailure(checks: Array<[RateLimitKind, string | undefined]>): Promise<void> {
      for (const [kind, key] of checks) {
        if (key) {
          // penalty() adds points without rejecting, unlike consume().
          await limiterFor(kind).penalty(key, 1);
        }
      }
    },

    /** Forgets the failed attempts of a key, after a success. */
    async reset(kind: RateLimitKind, key: string | undefined): Promise<void> {
      if (key) {
        await limiterFor(kind).delete(key);
      }
    },
  };
};
