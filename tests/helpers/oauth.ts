import type supertest from 'supertest';

export const PUBLIC_CLIENT_ID = 'public-app';
export const CONFIDENTIAL_CLIENT_ID = 'confidential-app';
// Contains `+`, `/` and `%`: a secret that only survives correct form-url encoding.
export const CONFIDENTIAL_CLIENT_SECRET = 's3cr+t/with%25percent%zz';

/** Encodes client credentials for HTTP Basic as RFC 6749 §2.3.1 defines: form-url-encode, then base64. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

/** Posts form parameters to the token endpoint. */
export function postToken(http: supertest.Agent, parameters: Record<string, string>, headers: Record<string, string> = {}) {
  const request = http.post('/oauth/token').type('form');
  for (const [name, value] of Object.entries(headers)) {
    request.set(name, value);
  }
  return request.send(parameters);
}

export async function passwordGrant(
  http: supertest.Agent,
  user: { username: string; password: string },
  clientId = PUBLIC_CLIENT_ID,
) {
  return postToken(http, { grant_type: 'password', client_id: clientId, username: user.username, password: user.password });
}

export async function refreshGrant(http: supertest.Agent, refreshToken: string, clientId = PUBLIC_CLIENT_ID) {
  return postToken(http, { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken });
}
