import { guardInternalContentTypes } from './middlewares/content-manager-guard';
import { oauthRoutes } from './routes/oauth';
import { userSessionRoutes } from './routes/user-sessions';
import { createAccessTokenStrategy } from './strategies/access-token';
import type { Strapi } from './utils/plugin';

export default ({ strapi }: { strapi: Strapi }) => {
  strapi.server.routes(oauthRoutes(strapi) as never);
  strapi.server.routes(userSessionRoutes(strapi) as never);
  strapi.get('auth').register('content-api', createAccessTokenStrategy(strapi));
  strapi.server.use(guardInternalContentTypes);
};
