import type { AdminActionUid } from '../permissions/admin-actions';
import { adminActionId } from '../permissions/admin-actions';

/** Lets an administrator through only when one of their roles has the action. */
const requires = (uid: AdminActionUid) => ({
  policies: [{ name: 'admin::hasPermissions', config: { actions: [adminActionId(uid)] } }],
});

/** The admin API of the plugin's screens, at `/refreshing/...` behind admin authentication. */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/clients', handler: 'admin-clients.find', config: requires('clients.read') },
    { method: 'POST', path: '/clients', handler: 'admin-clients.create', config: requires('clients.manage') },
    { method: 'PUT', path: '/clients/:id', handler: 'admin-clients.update', config: requires('clients.manage') },
    { method: 'POST', path: '/clients/:id/rotate-secret', handler: 'admin-clients.rotateSecret', config: requires('clients.manage') },
    { method: 'DELETE', path: '/clients/:id', handler: 'admin-clients.delete', config: requires('clients.manage') },

    { method: 'GET', path: '/sessions', handler: 'admin-sessions.find', config: requires('sessions.read') },
    { method: 'POST', path: '/sessions/:id/revoke', handler: 'admin-sessions.revoke', config: requires('sessions.revoke') },
    {
      method: 'POST',
      path: '/users/:userId/sessions/revoke',
      handler: 'admin-sessions.revokeUserSessions',
      config: requires('sessions.revoke'),
    },
    {
      method: 'POST',
      path: '/clients/:id/sessions/revoke',
      handler: 'admin-sessions.revokeClientSessions',
      config: requires('sessions.revoke'),
    },

    { method: 'GET', path: '/settings', handler: 'admin-settings.find', config: requires('settings.read') },
    { method: 'PUT', path: '/settings', handler: 'admin-settings.update', config: requires('settings.update') },
    { method: 'DELETE', path: '/settings', handler: 'admin-settings.reset', config: requires('settings.update') },
  ],
};
