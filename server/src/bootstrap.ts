import { currentSettings } from './oauth/settings';
import { registerAdminActions } from './permissions/admin-actions';
import { subscribeRevocationTriggers } from './revocation-triggers';
import type { Strapi } from './utils/plugin';
import { logMessage } from './utils/plugin';
import { getService } from './utils/services';

export default async ({ strapi }: { strapi: Strapi }) => {
  subscribeRevocationTriggers(strapi);
  await registerAdminActions(strapi);
  await getService(strapi, 'settings').start();
  await getService(strapi, 'clients').upsertConfigClients(currentSettings(strapi).clients);
  warnWithoutIssuer(strapi);
};

/**
 * Warns once at start-up when neither `issuer` nor `server.url` is set. The metadata then names
 * an issuer built from the listening host and port, such as http://0.0.0.0:1337, which clients
 * behind a proxy or on another machine cannot use.
 */
function warnWithoutIssuer(strapi: Strapi): void {
  const serverUrl = strapi.config.get('server.url', '') as string;
  if (!currentSettings(strapi).issuer && !/^https?:\/\//.test(serverUrl)) {
    strapi.log.warn(
      logMessage('no issuer configured', {
        issuer: strapi.config.get('server.absoluteUrl'),
        fix: 'set refreshing.config.issuer or server.url to the public URL',
      }),
    );
  }
}
