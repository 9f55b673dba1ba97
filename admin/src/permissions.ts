import type { Permission } from '@strapi/strapi/admin';

const action = (name: string): Permission[] => [{ action: `plugin::refreshing.${name}`, subject: null }];

/**
 * The admin RBAC actions that the plugin's server registers. Each list contains one action because
 * `useRBAC` names its `can…` flags after the last segment of the action id only, so that
 * `clients.read` and `sessions.read` would both become `canRead`.
 */
export const PERMISSIONS = {
  readClients: action('clients.read'),
  manageClients: action('clients.manage'),
  readSessions: action('sessions.read'),
  revokeSessions: action('sessions.revoke'),
  readSettings: action('settings.read'),
  updateSettings: action('settings.update'),
};

/** The menu link shows when the admin has any one of these. */
export const MENU_PERMISSIONS: Permission[] = [
  ...PERMISSIONS.readClients,
  ...PERMISSIONS.readSessions,
  ...PERMISSIONS.readSettings,
];
