import type { Strapi } from '../utils/plugin';
import { PLUGIN_ID } from '../utils/plugin';

/** The RBAC actions of the plugin's admin screens, shown under Plugins > Refreshing in role settings. */
const ADMIN_ACTIONS = [
  { uid: 'clients.read', subCategory: 'clients', displayName: 'Read' },
  { uid: 'clients.manage', subCategory: 'clients', displayName: 'Manage' },
  { uid: 'sessions.read', subCategory: 'sessions', displayName: 'Read' },
  { uid: 'sessions.revoke', subCategory: 'sessions', displayName: 'Revoke' },
  { uid: 'settings.read', subCategory: 'settings', displayName: 'Read' },
  { uid: 'settings.update', subCategory: 'settings', displayName: 'Update' },
] as const;

export type AdminActionUid = (typeof ADMIN_ACTIONS)[number]['uid'];

/** Returns the full action id, such as `plugin::refreshing.clients.read`. */
export function adminActionId(uid: AdminActionUid): string {
  return `plugin::${PLUGIN_ID}.${uid}`;
}

/**
 * Registers the actions with the admin's action provider. Runs in the plugin's bootstrap, which
 * Strapi 5.54 calls before the admin's own bootstrap grants every registered action to the
 * Super Admin role.
 */
export async function registerAdminActions(strapi: Strapi): Promise<void> {
  const actions = ADMIN_ACTIONS.map((action) => ({ ...action, section: 'plugins', pluginName: PLUGIN_ID }));
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
}
