import { currentSettings } from './oauth/settings';
import { subscribeRevocationTriggers } from './revocation-triggers';
import type { Strapi } from './utils/plugin';
import { getService } from './utils/services';

export default async ({ strapi }: { strapi: Strapi }) => {
  subscribeRevocationTriggers(strapi);
  await getService(strapi, 'clients').upsertConfigClients(currentSettings(strapi).clients);
};
