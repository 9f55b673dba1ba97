import { z } from 'zod';

import {
  clientIdSchema,
  clientNameSchema,
  lifetimeSchema,
  scopeTokenSchema,
  secondsOrOffSchema,
} from '../config/schema';
import { SUPPORTED_GRANT_TYPES } from '../oauth/grant-types';

// RFC 6749 Appendix A.1: a client_id is made of VSCHAR, the printable ASCII characters.
const VSCHAR = /^[\x20-\x7E]+$/;

/**
 * The body of `POST /refreshing/clients`. The lifetimes override the plugin's settings for this
 * client; null uses the settings. An idle lifetime of 0 turns the idle limit off for this client,
 * as in the config file.
 */
export const clientCreateSchema = z
  .object({
    name: clientNameSchema,
    clientId: clientIdSchema.regex(VSCHAR, 'must be printable ASCII characters (RFC 6749 Appendix A.1)').optional(),
    clientType: z.enum(['confidential', 'public']),
    grants: z.array(z.enum(SUPPORTED_GRANT_TYPES)),
    scopes: z.array(scopeTokenSchema),
    accessTokenLifetime: lifetimeSchema.nullable().optional(),
    refreshTokenLifetime: lifetimeSchema.nullable().optional(),
    refreshTokenIdleLifetime: secondsOrOffSchema.nullable().optional(),
    resourceServer: z.boolean().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

/**
 * The body of `PUT /refreshing/clients/:id`: any of the create fields but `clientId` and
 * `clientType`, which never change because tokens and secrets depend on them.
 */
export const clientUpdateSchema = clientCreateSchema.omit({ clientId: true, clientType: true }).partial().strict();

export type ClientCreateInput = z.infer<typeof clientCreateSchema>;
export type ClientUpdateInput = z.infer<typeof clientUpdateSchema>;
