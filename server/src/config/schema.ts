import { z } from 'zod';

import { SUPPORTED_GRANT_TYPES } from '../oauth/grant-types';

/** Seconds that a token or family lives; 0 would issue tokens that are already expired. */
export const lifetimeSchema = z.number().int().positive();

/** Seconds of a limit where 0 turns the limit off. */
export const secondsOrOffSchema = z.number().int().nonnegative();

export const clientIdSchema = z.string().min(1).max(255);

export const clientNameSchema = z.string().min(1).max(255);

export const scopeTokenSchema = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'must be a scope token (RFC 6749 §3.3)');

// bcrypt reads only the first 72 bytes of its input, so a longer secret would be checked only
// in part.
const BCRYPT_MAX_BYTES = 72;

const clientSchema = z
  .object({
    clientId: clientIdSchema,
    name: clientNameSchema,
    clientSecret: z
      .string()
      .min(1)
      .refine((secret) => Buffer.byteLength(secret, 'utf8') <= BCRYPT_MAX_BYTES, {
        message: `must be at most ${BCRYPT_MAX_BYTES} bytes in UTF-8, because bcrypt ignores the rest`,
      })
      .optional(),
    grants: z.array(z.enum(SUPPORTED_GRANT_TYPES)),
    scopes: z.array(scopeTokenSchema).default([]),
    accessTokenLifetime: lifetimeSchema.optional(),
    refreshTokenLifetime: lifetimeSchema.optional(),
    refreshTokenIdleLifetime: secondsOrOffSchema.optional(),
    resourceServer: z.boolean().default(false),
  })
  .strict();

const rateLimitSchema = z.object({ points: z.number().int().positive(), duration: lifetimeSchema }).strict();

const rateLimitPointsShape = {
  passwordPerIdentifier: rateLimitSchema,
  passwordPerIp: rateLimitSchema,
  clientAuthenticationPerClient: rateLimitSchema,
};

const rateLimitsSchema = z
  .object({
    ...rateLimitPointsShape,
    store: z.enum(['memory', 'redis']),
    redisClient: z.unknown(),
  })
  .strict()
  .refine((limits) => limits.store !== 'redis' || Boolean(limits.redisClient), {
    message: 'store "redis" needs a connected Redis client in redisClient',
    path: ['redisClient'],
  });

const lifetimesShape = {
  accessTokenLifetime: lifetimeSchema,
  refreshTokenLifetime: lifetimeSchema,
  refreshTokenIdleLifetime: secondsOrOffSchema,
  refreshTokenReuseInterval: secondsOrOffSchema,
};

/**
 * The settings an administrator may change at run time in the admin panel: the lifetimes and the
 * rate-limit points, checked by the same rules as the config file. The rate-limit store stays in
 * the config file, because a Redis client cannot be saved.
 */
export const settingsSchema = z
  .object({
    ...lifetimesShape,
    rateLimits: z.object(rateLimitPointsShape).strict(),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// RFC 8414 §2: the issuer is an https URL without query or fragment. Plain http is allowed on a
// loopback host only, for local development.
const issuerSchema = z.url().refine(
  (value) => {
    if (!URL.canParse(value)) {
      return false;
    }
    const url = new URL(value);
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    return secure && url.search === '' && url.hash === '';
  },
  { message: 'must be an https URL without query or fragment (http is allowed for localhost only)' },
);

export const configSchema = z
  .object({
    ...lifetimesShape,
    issuer: issuerSchema.optional(),
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
