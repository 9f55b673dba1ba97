import { oauthRoutes } from './routes/oauth';
import { createAccessTokenStrategy } from './strategies/access-token';
import type { Strapi } from './utils/plugin';

export default ({ strapi }: { strapi: Strapi }) => {
  strapi.server.routes(oauthRoutes(strapi) as never);
  strapi.get('auth').register('content-api', createAccessTokenStrategy(strapi));
};
