import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';

import { PUBLIC_CLIENT_ID, postToken } from './oauth';
import type { TestUser } from './users';

export const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
export const WINDOWS_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
// An agent in which bowser finds no browser and operating system, longer than 60 characters.
export const NATIVE_APP = 'ShopApp/4.12.0 (build 7781; channel beta) okhttp/4.12.0 networking-stack/2.1';

export interface Login {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

/** Signs the user in with the password grant, sending `userAgent` (none when undefined). */
export async function logInFrom(
  http: supertest.Agent,
  user: TestUser,
  userAgent: string | undefined,
  clientId = PUBLIC_CLIENT_ID,
): Promise<Login> {
  const headers: Record<string, string> = userAgent === undefined ? {} : { 'User-Agent': userAgent };
  const response = await postToken(
    http,
    { grant_type: 'password', client_id: clientId, username: user.username, password: user.password },
    headers,
  );
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body as Login;
}

/** Returns the stored hash of a token value, as the plugin computes it, to find its row. */
export function tokenHash(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Returns the id of the token family that a refresh token belongs to. */
export async function familyIdOf(strapi: Core.Strapi, refreshToken: string): Promise<number> {
  const row = await strapi.db
    .query('plugin::refreshing.refresh-token' as never)
    .findOne({ where: { tokenHash: tokenHash(refreshToken) } });
  assert.ok(row, 'the refresh token is stored');
  return row.familyId as number;
}

/** Returns the stored token family row, to check its revocation. */
export async function findFamily(strapi: Core.Strapi, id: number) {
  return strapi.db.query('plugin::refreshing.token-family' as never).findOne({ where: { id } });
}
