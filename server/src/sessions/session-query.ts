import { z } from 'zod';

import { clientIdSchema } from '../config/schema';

export const MAX_PAGE_SIZE = 100;

// A query parameter sent empty, as in `userId=&clientId=`, counts as omitted.
const omittedWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

/** The query of `GET /refreshing/sessions`: 1-based page, page size, and optional filters. */
export const sessionQuerySchema = z.object({
  page: z.preprocess(omittedWhenEmpty, z.coerce.number().int().positive().default(1)),
  pageSize: z.preprocess(omittedWhenEmpty, z.coerce.number().int().positive().max(MAX_PAGE_SIZE).default(20)),
  // A users-permissions user id.
  userId: z.preprocess(omittedWhenEmpty, z.coerce.number().int().positive().optional()),
  // A public `client_id`, not a client row id.
  clientId: z.preprocess(omittedWhenEmpty, clientIdSchema.optional()),
});

export type SessionQuery = z.infer<typeof sessionQuerySchema>;
