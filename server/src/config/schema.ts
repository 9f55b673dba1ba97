import { z } from 'zod';

import { SUPPORTED_GRANT_TYPES } from '../oauth/grant-types';

const lifetime = z.number().int().positive();

// bcrypt reads only the first 72 bytes of its input, so a longer secret would be checked only
// in part.
const BCRYPT_MAX_BYTES = 72;

const clientSchema = z
  .object({
    clientId: z.string().min(1).max(255),
    name: z.string().min(1).max(255),
    clientSecret: z
      .string()
      .min(1)
      .refine((secret) => Buffer.byteLength(secret, 'utf8') <= BCRYPT_MAX_BYTES, {
        message: `must be at most ${BCRYPT_MAX_BYTES} bytes in UTF-8, because bcrypt ignores the rest`,
      })
      .optional(),
    grants: z.array(z.enum(SUPPORTED_GRANT_TYPES)),
    scopes: z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'must be a scope token (RFC 6749 §3.3)')).default([]),
    accessTokenLifetime: lifetime.optional(),
    refreshTokenLifetime: lifetime.optional(),
    refreshTokenIdleLifetime: z.number().int().nonnegative().optional(),
    resourceServer: z.boolean().default(false),
  })
  .strict();

const rateLimitSchema = z.object({ points: z.number().int().positive(), duration: lifetime }).strict();

const rateLimitsSchema = z
  .object({
    passwordPerIdentifier: rateLimitSchema,
    passwordPerIp: rateLimitSchema,
    clientAuthenticationPerClient: rateLimitSchema,
    store: z.enum(['memory', 'redis']),
    redisClient: z.unknown(),
  })
  .strict()
  .refine((limits) => limits.store !== 'redis' || Boolean(limits.redisClient), {
    message: 'store "redis" needs a connected Redis client in redisClient',
    path: ['redisClient'],
  });

export const configSchema = z
  .object({
    accessTokenLifetime: lifetime,
    refreshTokenLifetime: lifetime,
    refreshTokenIdleLifetime: z.number().int().nonnegative(),
    refreshTokenReuseInterval: z.number().int().nonnegative(),
    issuer: z.url().optional(),
    rateLimits: rateLimitsSchema,
    clients: z.array(clientSchema).superRefine((clients, context) => {
      const seen = new Set<string>();
      clients.forEach((client, index) => {
        if (seen.has(client.clientId)) {
          context.addIssue({ code: 'custom', path: [index, 'clientId'], message: `duplicate clientId "${client.clientId}"` });
        }
        seen.add(client.clientId);
      });
    }),
  })
  .strict();

/** Formats a schema failure as one line per issue, each naming its config key. */
export function describeConfigError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const key = ['refreshing', 'config', ...issue.path].join('.');
      return `${key}: ${issue.message}`;
    })
    .join('; ');
}
