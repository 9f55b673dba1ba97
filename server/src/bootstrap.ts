import { currentSettings } from './oauth/settings';
import { registerAdminActions } from './permissions/admin-actions';
import { subscribeRevocationTriggers } from './revocation-triggers';
import type { Strapi } from './utils/plugin';
import { CONTENT_TYPES, logMessage } from './utils/plugin';
import { getService } from './utils/services';

export default async ({ strapi }: { strapi: Strapi }) => {
  subscribeRevocationTriggers(strapi);
  subscribeClientCacheReset(strapi);
  await registerAdminActions(strapi);
  await getService(strapi, 'settings').start();
  await getService(strapi, 'clients').upsertConfigClients(currentSettings(strapi).clients);
  warnWithoutIssuer(strapi);
};

/** Clears the clients service's cache after any write to the clients table, whatever it changed. */
function subscribeClientCacheReset(strapi: Strapi): void {
  const forgetCachedClients = () => getService(strapi, 'clients').forgetCached();
  strapi.db.lifecycles.subscribe({
    models: [CONTENT_TYPES.client],
    afterCreate: forgetCachedClients,
    afterCreateMany: forgetCachedClients,
    afterUpdate: forgetCachedClients,
    afterUpdateMany: forgetCachedClients,
    afterDelete: forgetCachedClients,
    afterDeleteMany: forgetCachedClients,
  } as never);
}

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
