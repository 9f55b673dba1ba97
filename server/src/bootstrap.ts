import { currentSettings } from './oauth/settings';
import type { Strapi } from './utils/plugin';
import { getService } from './utils/services';

export default async ({ strapi }: { strapi: Strapi }) => {
  await getService(strapi, 'clients').upsertConfigClients(currentSettings(strapi).clients);
};
