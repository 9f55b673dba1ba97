import { useRBAC } from '@strapi/strapi/admin';

import { PERMISSIONS } from '../permissions';

/** Tells which of the plugin's three pages the signed-in admin may open. */
export function useSectionAccess() {
  const clients = useRBAC(PERMISSIONS.readClients);
  const sessions = useRBAC(PERMISSIONS.readSessions);
  const settings = useRBAC(PERMISSIONS.readSettings);

  return {
    isLoading: clients.isLoading || sessions.isLoading || settings.isLoading,
    canReadClients: Boolean(clients.allowedActions.canRead),
    canReadSessions: Boolean(sessions.allowedActions.canRead),
    canReadSettings: Boolean(settings.allowedActions.canRead),
  };
}
