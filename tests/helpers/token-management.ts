import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';

import { basicAuthorization, CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, PUBLIC_CLIENT_ID, postToken } from './oauth';
import type { TestUser } from './users';

// The confidential client that clients.json flags `resourceServer`: it may introspect any token.
export const RESOURCE_SERVER_CLIENT_ID = 'resource-server';
export const RESOURCE_SERVER_CLIENT_SECRET = 'resource-server-secret';

export const CONFIDENTIAL_CLIENT_AUTHORIZATION = basicAuthorization(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET);
export const RESOURCE_SERVER_AUTHORIZATION = basicAuthorization(RESOURCE_SERVER_CLIENT_ID, RESOURCE_SERVER_CLIENT_SECRET);

export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
  scope?: string;
}

type Response = { status: number; headers: Record<string, string>; body: unknown; text: string };

/** Returns the stored hash of a token value, to find its row. */
export function tokenHash(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function postForm(
  http: supertest.Agent,
  path: string,
  parameters: Record<string, string>,
  headers: Record<string, string>,
) {
  const request = http.post(path).type('form');
  for (const [name, value] of Object.entries(headers)) {
    request.set(name, value);
  }
  return request.send(parameters);
}

/** Posts form parameters to the revocation endpoint. */
export function postRevocation(http: supertest.Agent, parameters: Record<string, string>, headers: Record<string, string> = {}) {
  return postForm(http, '/oauth/revoke', parameters, headers);
}

/** Posts form parameters to the introspection endpoint. */
export function postIntrospection(http: supertest.Agent, parameters: Record<string, string>, headers: Record<string, string> = {}) {
  return postForm(http, '/oauth/introspect', parameters, headers);
}

/** Signs the user in with the password grant as the public client, or the confidential one. */
export async function logIn(
  http: supertest.Agent,
  user: TestUser,
  options: { confidential?: boolean; scope?: string } = {},
): Promise<IssuedTokens> {
  const parameters: Record<string, string> = { grant_type: 'password', username: user.username, password: user.password };
  if (options.scope) {
    parameters.scope = options.scope;
  }

  const response = options.confidential
    ? await postToken(http, parameters, { Authorization: CONFIDENTIAL_CLIENT_AUTHORIZATION })
    : await postToken(http, { ...parameters, client_id: PUBLIC_CLIENT_ID });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body as IssuedTokens;
}

/** Asserts an RFC 6749 §5.2 error: status, no-store, JSON, and the exact body. */
export function assertOAuthError(response: Response, status: number, body: { error: string; error_description: string }) {
  assert.equal(response.status, status);
  assert.match(response.headers['content-type'], /^application\/json/);
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.deepEqual(response.body, body);
}

/** Asserts the RFC 6749 §5.2 `invalid_client` response with its HTTP Basic challenge. */
export function assertInvalidClient(response: Response) {
  assertOAuthError(response, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
  assert.match(response.headers['www-authenticate'], /^Basic /);
}

/** Asserts the RFC 6750 §3 response of the content API to an unusable access token. */
export function assertInvalidToken(response: { status: number; headers: Record<string, string> }) {
  assert.equal(response.status, 401);
  assert.equal(response.headers['www-authenticate'], 'Bearer error="invalid_token"');
}

/** Runs `action` and returns the lines it logged at `info`, with the plugin's prefix or not. */
export async function captureInfoLog(strapi: Core.Strapi, action: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const original = strapi.log.info;
  strapi.log.info = ((message: unknown) => {
    lines.push(String(message));
    return strapi.log;
  }) as typeof strapi.log.info;
  try {
    await action();
  } finally {
    strapi.log.info = original;
  }
  return lines;
}
