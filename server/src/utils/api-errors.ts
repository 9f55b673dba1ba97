import { errors } from '@strapi/utils';
import { ZodError } from 'zod';

/**
 * Maps an error thrown while handling an admin or user API request to one that Strapi's error
 * middleware sends in its `{ data, error }` envelope. A schema failure becomes a 400
 * ValidationError with one entry per invalid field. Strapi's own errors pass as they are, and
 * anything else stays a 500, whose message Strapi logs and does not send.
 */
export function toApiError(error: unknown): unknown {
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
      name: 'ValidationError',
    }));
    const first = error.issues[0];
    const message = first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'Invalid request';
    return new errors.ValidationError(message, { errors: details });
  }
  return error;
}

/** Reads a numeric id from a route parameter. Anything else names no row, so it is a 404. */
export function readIdParameter(value: unknown, resource: string): number {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,15}$/.test(value)) {
    throw new errors.NotFoundError(`${resource} not found`);
  }
  return Number(value);
}
