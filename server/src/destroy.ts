import type { Strapi } from './utils/plugin';
import { getService } from './utils/services';

export default ({ strapi }: { strapi: Strapi }) => {
  getService(strapi, 'settings').stop();
};
