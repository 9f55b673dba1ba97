import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type supertest from 'supertest';

import { signInAsSuperAdmin } from '../helpers/admin';
import { createEditorLikeRole, signInWithRole } from '../helpers/admin-roles';
import { familyIdOf, logInFrom, WINDOWS_CHROME } from '../helpers/sessions';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import { createUser } from '../helpers/users';

const ACTIONS = ['clients.read', 'clients.manage', 'sessions.read', 'sessions.revoke', 'settings.read', 'settings.update'];

interface AdminRoute {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  action: string;
  // A request that changes nothing, and the status it gets once the policy lets it through.
  probe: { path: string; body?: object; status: number };
}

const UNKNOWN = 999999;

const ROUTES: AdminRoute[] = [
  { method: 'get', path: '/clients', action: 'clients.read', probe: { path: '/clients', status: 200 } },
  { method: 'post', path: '/clients', action: 'clients.manage', probe: { path: '/clients', body: {}, status: 400 } },
  { method: 'put', path: '/clients/:id', action: 'clients.manage', probe: { path: `/clients/${UNKNOWN}`, body: { name: 'x' }, status: 404 } },
  { method: 'post', path: '/clients/:id/rotate-secret', action: 'clients.manage', probe: { path: `/clients/${UNKNOWN}/rotate-secret`, status: 404 } },
  { method: 'delete', path: '/clients/:id', action: 'clients.manage', probe: { path: `/clients/${UNKNOWN}`, status: 404 } },
  { method: 'get', path: '/sessions', action: 'sessions.read', probe: { path: '/sessions', status: 200 } },
  { method: 'post', path: '/sessions/:id/revoke', action: 'sessions.revoke', probe: { path: `/sessions/${UNKNOWN}/revoke`, status: 404 } },
  { method: 'post', path: '/users/:userId/sessions/revoke', action: 'sessions.revoke', probe: { path: `/users/${UNKNOWN}/sessions/revoke`, status: 404 } },
  { method: 'post', path: '/clients/:id/sessions/revoke', action: 'sessions.revoke', probe: { path: `/clients/${UNKNOWN}/sessions/revoke`, status: 404 } },
  { method: 'get', path: '/settings', action: 'settings.read', probe: { path: '/settings', status: 200 } },
  { method: 'put', path: '/settings', action: 'settings.update', probe: { path: '/settings', body: {}, status: 400 } },
  // Nothing is saved in this suite before it runs, so deleting the saved settings changes nothing.
  { method: 'delete', path: '/settings', action: 'settings.update', probe: { path: '/settings', status: 200 } },
];

// Every admin route is behind admin authentication and one RBAC action of the plugin.
describe('admin API permissions', () => {
  let server: TestServer;

  before(async () => {
    server = await startStrapi('admin_permissions');
  });

  after(async () => {
    await server?.stop();
  });

  function send(route: AdminRoute, token: string | undefined, path = route.probe.path, body = route.probe.body): supertest.Test {
    const request = server.http[route.method](`/refreshing${path}`);
    if (token) {
      request.set('Authorization', `Bearer ${token}`);
    }
    return body === undefined ? request : request.send(body);
  }

  test('actions are registered for the role editor', () => {
    const actionProvider = server.strapi.service('admin::permission').actionProvider;
    for (const uid of ACTIONS) {
      const action = actionProvider.get(`plugin::refreshing.${uid}`);
      assert.ok(action, uid);
      assert.equal(action.section, 'plugins');
      assert.equal(action.pluginName, 'refreshing');
      assert.equal(action.subCategory, uid.split('.')[0]);
    }
  });

  test('no admin token is 401', async () => {
    for (const route of ROUTES) {
      const response = await send(route, undefined);
      assert.equal(response.status, 401, `${route.method} ${route.path}`);
    }
  });

  test('Editor-like role is 403 on every route', async () => {
    const roleId = await createEditorLikeRole(server.strapi, 'Editor copy');
    const token = await signInWithRole(server.strapi, server.http, 'editor-copy@example.com', roleId);

    for (const route of ROUTES) {
      const response = await send(route, token);
      assert.equal(response.status, 403, `${route.method} ${route.path}`);
      assert.equal(response.body.error.name, 'PolicyError');
    }
  });

  test('each action opens exactly its routes', async () => {
    for (const action of ACTIONS) {
      const roleId = await createEditorLikeRole(server.strapi, `Editor with ${action}`, [`plugin::refreshing.${action}`]);
      const token = await signInWithRole(server.strapi, server.http, `${action.replace('.', '-')}@example.com`, roleId);

      for (const route of ROUTES) {
        const response = await send(route, token);
        const expected = route.action === action ? route.probe.status : 403;
        assert.equal(response.status, expected, `${action}: ${route.method} ${route.path}`);
      }
    }
  });

  test('Super Admin succeeds on every route', async () => {
    const token = await signInAsSuperAdmin(server.strapi, server.http);
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, WINDOWS_CHROME);
    const familyId = await familyIdOf(server.strapi, login.refresh_token);
    const settings = (await server.http.get('/refreshing/settings').set('Authorization', `Bearer ${token}`)).body.data;

    const created: Record<string, number> = {};
    const targets: Record<string, { path: string; body?: object; status: number }> = {
      'get /clients': { path: '/clients', status: 200 },
      'post /clients': { path: '/clients', body: { name: 'Probe', clientType: 'confidential', grants: [], scopes: [] }, status: 201 },
      'put /clients/:id': { path: '/clients/:created', body: { name: 'Probe v2' }, status: 200 },
      'post /clients/:id/rotate-secret': { path: '/clients/:created/rotate-secret', status: 200 },
      'post /clients/:id/sessions/revoke': { path: '/clients/:created/sessions/revoke', status: 200 },
      'get /sessions': { path: '/sessions', status: 200 },
      'post /sessions/:id/revoke': { path: `/sessions/${familyId}/revoke`, status: 200 },
      'post /users/:userId/sessions/revoke': { path: `/users/${user.id}/sessions/revoke`, status: 200 },
      'get /settings': { path: '/settings', status: 200 },
      'put /settings': { path: '/settings', body: settings, status: 200 },
      'delete /settings': { path: '/settings', status: 200 },
      'delete /clients/:id': { path: '/clients/:created', status: 200 },
    };

    for (const [key, target] of Object.entries(targets)) {
      const route = ROUTES.find((candidate) => `${candidate.method} ${candidate.path}` === key)!;
      const response = await send(route, token, target.path.replace(':created', String(created.id)), target.body);
      assert.equal(response.status, target.status, `${key}: ${JSON.stringify(response.body)}`);
      if (key === 'post /clients') {
        created.id = response.body.data.id;
      }
    }
    assert.equal(Object.keys(targets).length, ROUTES.length, 'every route is tried');
  });
});
