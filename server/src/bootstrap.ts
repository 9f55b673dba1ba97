import { currentSettings } from './oauth/settings';
import { registerAdminActions } from './permissions/admin-actions';
import { subscribeRevocationTriggers } from './revocation-triggers';
import type { Strapi } from './utils/plugin';
import { getService } from './utils/services';

export default async ({ strapi }: { strapi: Strapi }) => {
  subscribeRevocationTriggers(strapi);
  await registerAdminActions(strapi);
  await getService(strapi, 'settings').start();
  await getService(strapi, 'clients').upsertConfigClients(currentSettings(strapi).clients);
};
