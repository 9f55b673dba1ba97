import type { Context } from 'koa';

import { InvalidRequestError } from './errors';

/**
 * Reads the form parameters of a token-endpoint request (RFC 6749 §3.2). The body must be
 * `application/x-www-form-urlencoded`; every parameter may appear once (§3.1); a parameter
 * sent without a value counts as omitted (§3.1).
 */
export function readFormParameters(ctx: Context): Record<string, string> {
  if (!ctx.is('application/x-www-form-urlencoded')) {
    throw new InvalidRequestError(
      `content type is ${ctx.get('content-type') || 'missing'}`,
      'The request body must be application/x-www-form-urlencoded.',
    );
  }

  const body = (ctx.request as unknown as { body?: unknown }).body ?? {};
  const parameters: Record<string, string> = {};

  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    // Strapi's body parser turns a repeated name, and bracket names such as `a[]`, into arrays or
    // objects, so anything but a string means the parameter was sent more than once.
    if (typeof value !== 'string') {
      throw new InvalidRequestError(`parameter ${name} is repeated or nested`, 'Request parameters must not be repeated.');
    }
    if (value !== '') {
      parameters[name] = value;
    }
  }

  return parameters;
}
