import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { signInAsSuperAdmin } from '../helpers/admin';
import { PUBLIC_CLIENT_ID, passwordGrant, postToken, refreshGrant } from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser, setBlocked } from '../helpers/users';

// Token families end when their user or client can no longer be trusted, whichever way the change
// is made.
describe('revocation triggers', () => {
  let server: TestServer;

  before(async () => {
    server = await startStrapi('revocation_triggers');
  });

  after(async () => {
    await server?.stop();
  });

  async function login(user: TestUser, clientId = PUBLIC_CLIENT_ID) {
    const response = await passwordGrant(server.http, user, clientId);
    assert.equal(response.status, 200);
    return response.body as { access_token: string; refresh_token: string };
  }

  async function familiesOf(userId: number) {
    return server.strapi.db.query('plugin::refreshing.token-family' as never).findMany({ where: { userId } });
  }

  async function assertSessionsEnded(user: TestUser, tokens: { access_token: string; refresh_token: string }, reason: string) {
    const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${tokens.access_token}`);
    assert.equal(me.status, 401);
    assert.equal(me.headers['www-authenticate'], 'Bearer error="invalid_token"');

    const refresh = await refreshGrant(server.http, tokens.refresh_token);
    assert.equal(refresh.status, 400);
    assert.equal(refresh.body.error, 'invalid_grant');

    const families = await familiesOf(user.id);
    assert.ok(families.length > 0);
    for (const family of families) {
      assert.ok(family.revokedAt, `family ${family.id} is revoked`);
      assert.equal(family.revokedReason, reason);
    }
  }

  test('blocking in the admin panel ends sessions', async () => {
    const user = await createUser(server.strapi);
    const tokens = await login(user);
    const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${tokens.access_token}`);
    assert.equal(me.status, 200);

    const adminToken = await signInAsSuperAdmin(server.strapi, server.http);
    const stored = await server.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: user.id } });
    const update = await server.http
      .put(`/content-manager/collection-types/plugin::users-permissions.user/${stored.documentId}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ blocked: true });
    assert.equal(update.status, 200, JSON.stringify(update.body));

    await assertSessionsEnded(user, tokens, 'user_blocked');
    const again = await passwordGrant(server.http, user);
    assert.equal(again.status, 400);
    assert.equal(again.body.error, 'invalid_grant');
  });

  test('unblocking does not revive revoked sessions', async () => {
    const user = await createUser(server.strapi);
    const tokens = await login(user);
    await setBlocked(server.strapi, user.id, true);
    await setBlocked(server.strapi, user.id, false);

    const refresh = await refreshGrant(server.http, tokens.refresh_token);
    assert.equal(refresh.body.error, 'invalid_grant');
    const fresh = await passwordGrant(server.http, user);
    assert.equal(fresh.status, 200, 'the user can sign in again');
  });

  test('blocking through updateMany ends sessions', async () => {
    const user = await createUser(server.strapi);
    const tokens = await login(user);
    await server.strapi.db.query('plugin::users-permissions.user').updateMany({ where: { id: user.id }, data: { blocked: true } });
    await assertSessionsEnded(user, tokens, 'user_blocked');
  });

  test('deleting the user ends sessions without a 5xx', async () => {
    const user = await createUser(server.strapi);
    const tokens = await login(user);
    await server.strapi.db.query('plugin::users-permissions.user').delete({ where: { id: user.id } });
    await assertSessionsEnded(user, tokens, 'user_deleted');
  });

  test('password change through the API ends sessions', async () => {
    const user = await createUser(server.strapi);
    const other = await login(user);
    const current = await login(user);

    const response = await server.http
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${current.access_token}`)
      .send({ currentPassword: user.password, password: 'new-password-1', passwordConfirmation: 'new-password-1' });
    assert.equal(response.status, 200, JSON.stringify(response.body));

    await assertSessionsEnded(user, other, 'password_changed');
    const withNewPassword = await passwordGrant(server.http, { username: user.username, password: 'new-password-1' });
    assert.equal(withNewPassword.status, 200);
  });

  test('password reset in code ends sessions', async () => {
    const user = await createUser(server.strapi);
    const tokens = await login(user);
    await server.strapi.plugin('users-permissions').service('user').edit(user.id, { password: 'reset-password-1' });
    await assertSessionsEnded(user, tokens, 'password_changed');
  });

  test('other profile changes keep sessions', async () => {
    const user = await createUser(server.strapi);
    const tokens = await login(user);
    await server.strapi.plugin('users-permissions').service('user').edit(user.id, { username: `${user.username}-renamed` });

    const refresh = await refreshGrant(server.http, tokens.refresh_token);
    assert.equal(refresh.status, 200);
  });

  test('disabling a client ends its sessions', async () => {
    const user = await createUser(server.strapi);
    const tokens = await login(user, 'password-only-app');
    const clients = server.strapi.db.query('plugin::refreshing.client' as never);
    await clients.update({ where: { clientId: 'password-only-app' }, data: { enabled: false } });
    try {
      const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${tokens.access_token}`);
      assert.equal(me.status, 401);
      const families = await familiesOf(user.id);
      assert.equal(families[0].revokedReason, 'client_disabled');
    } finally {
      await clients.update({ where: { clientId: 'password-only-app' }, data: { enabled: true } });
    }
  });

  test('deleting a client ends its sessions', async () => {
    const clients = server.strapi.db.query('plugin::refreshing.client' as never);
    await clients.create({
      data: { name: 'Temporary', clientId: 'temporary-app', clientType: 'public', grants: ['password', 'refresh_token'], scopes: [], enabled: true },
    });
    const user = await createUser(server.strapi);
    const tokens = await login(user, 'temporary-app');
    await clients.delete({ where: { clientId: 'temporary-app' } });

    const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${tokens.access_token}`);
    assert.equal(me.status, 401);
    const refresh = await postToken(server.http, { grant_type: 'refresh_token', client_id: 'temporary-app', refresh_token: tokens.refresh_token });
    assert.equal(refresh.status, 401, 'the client itself is gone');
    const families = await familiesOf(user.id);
    assert.equal(families[0].revokedReason, 'client_deleted');
  });
});
