import { isDeepStrictEqual } from 'node:util';

import { errors } from '@strapi/utils';

import type { ClientCreateInput, ClientUpdateInput } from '../clients/client-input';
import { clientCreateSchema, clientUpdateSchema } from '../clients/client-input';
import type { ClientView } from '../clients/client-view';
import { toClientView } from '../clients/client-view';
import { currentSettings } from '../oauth/settings';
import { activeSessionWhere } from '../sessions/active-session-filter';
import type { Strapi } from '../utils/plugin';
import { CONTENT_TYPES, logMessage } from '../utils/plugin';
import { getService } from '../utils/services';
import type { ClientRecord } from './clients';
import { generateClientId, generateClientSecret, isConfidential } from './clients';

/** A client with its plain secret, which exists only in the response that created it. */
export interface ClientWithSecret {
  client: ClientView;
  clientSecret?: string;
}

/** Creates a Strapi ValidationError on one field, in the shape of Strapi's own validators. */
function fieldError(field: string, message: string): errors.ValidationError {
  return new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });
}

/**
 * Creates, changes and deletes clients for the admin API. A confidential client gets a generated
 * secret, stored only as a bcrypt hash and returned once. A client declared in the plugin config
 * is upserted from the config at every start, so here only `enabled` may change on it.
 */
export default ({ strapi }: { strapi: Strapi }) => {
  const clientRows = () => strapi.db.query(CONTENT_TYPES.client);

  async function countActiveSessions(client: ClientRecord): Promise<number> {
    const where = activeSessionWhere([client], currentSettings(strapi).refreshTokenIdleLifetime, new Date());
    return where ? strapi.db.query(CONTENT_TYPES.tokenFamily).count({ where }) : 0;
  }

  async function toView(client: ClientRecord): Promise<ClientView> {
    return toClientView(client, await countActiveSessions(client));
  }

  async function findOrThrow(id: number): Promise<ClientRecord> {
    const client = (await clientRows().findOne({ where: { id } })) as ClientRecord | null;
    if (!client) {
      throw new errors.NotFoundError('Client not found');
    }
    return client;
  }

  function assertNotDeclaredInConfig(client: ClientRecord, action: string): void {
    if (client.declaredInConfig) {
      throw new errors.ValidationError(
        `Client "${client.clientId}" is declared in the plugin config and cannot be ${action} here. Change it in config/plugins instead.`,
      );
    }
  }

  /** Rejects a change to any field but `enabled` of a client declared in the config, which the next start would undo. */
  function assertConfigClientUpdate(client: ClientRecord, input: ClientUpdateInput): void {
    if (!client.declaredInConfig) {
      return;
    }
    // A field sent with its stored value is no change, so a form may send every field back.
    const changedFields = Object.entries(input)
      .filter(([field, value]) => field !== 'enabled' && !isDeepStrictEqual(value ?? null, client[field as keyof ClientRecord] ?? null))
      .map(([field]) => field);
    if (changedFields.length > 0) {
      throw fieldError(
        changedFields[0],
        `Client "${client.clientId}" is declared in the plugin config, so only enabled can change here. Change ${changedFields.join(', ')} in config/plugins instead.`,
      );
    }
  }

  return {
    /** Lists every client, by name. */
    async list(): Promise<ClientView[]> {
      const clients = (await clientRows().findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] })) as ClientRecord[];
      return Promise.all(clients.map(toView));
    },

    /** Registers a client; a confidential one comes back with its generated secret. */
    async create(rawInput: unknown): Promise<ClientWithSecret> {
      const input: ClientCreateInput = clientCreateSchema.parse(rawInput);
      const clientId = input.clientId ?? generateClientId();
      if (await getService(strapi, 'clients').findByClientId(clientId)) {
        throw fieldError('clientId', `clientId "${clientId}" is already taken`);
      }

      const clientSecret = input.clientType === 'confidential' ? generateClientSecret() : undefined;
      const data = {
        ...input,
        clientId,
        secretHash: clientSecret ? await getService(strapi, 'clients').hashSecret(clientSecret) : null,
        accessTokenLifetime: input.accessTokenLifetime ?? null,
        refreshTokenLifetime: input.refreshTokenLifetime ?? null,
        refreshTokenIdleLifetime: input.refreshTokenIdleLifetime ?? null,
        resourceServer: input.resourceServer ?? false,
        enabled: input.enabled ?? true,
        declaredInConfig: false,
      };

      let created: ClientRecord;
      try {
        created = (await clientRows().create({ data })) as ClientRecord;
      } catch (error) {
        // Another request took the clientId between the check above and the unique index.
        if (await getService(strapi, 'clients').findByClientId(clientId)) {
          throw fieldError('clientId', `clientId "${clientId}" is already taken`);
        }
        throw error;
      }

      strapi.log.info(logMessage('client created', { clientId, clientType: input.clientType }));
      return { client: await toView(created), clientSecret };
    },

    /** Changes a client's fields; `enabled: false` also ends its sessions, through the revocation triggers. */
    async update(id: number, rawInput: unknown): Promise<ClientView> {
      const input: ClientUpdateInput = clientUpdateSchema.parse(rawInput);
      const client = await findOrThrow(id);
      assertConfigClientUpdate(client, input);
      if (Object.keys(input).length === 0) {
        return toView(client);
      }

      const updated = (await clientRows().update({ where: { id }, data: input })) as ClientRecord;
      strapi.log.info(logMessage('client updated', { clientId: client.clientId, fields: Object.keys(input).join(',') }));
      return toView(updated);
    },

    /** Replaces a confidential client's secret; the previous secret stops working at once. */
    async rotateSecret(id: number): Promise<ClientWithSecret> {
      const client = await findOrThrow(id);
      if (!isConfidential(client)) {
        throw new errors.ValidationError(`Client "${client.clientId}" is public and has no secret to rotate.`);
      }
      assertNotDeclaredInConfig(client, 'given a new secret');

      const clientSecret = generateClientSecret();
      const secretHash = await getService(strapi, 'clients').hashSecret(clientSecret);
      const updated = (await clientRows().update({ where: { id }, data: { secretHash } })) as ClientRecord;
      strapi.log.info(logMessage('client secret rotated', { clientId: client.clientId }));
      return { client: await toView(updated), clientSecret };
    },

    /** Deletes a client; its sessions end through the revocation triggers. */
    async delete(id: number): Promise<ClientView> {
      const client = await findOrThrow(id);
      assertNotDeclaredInConfig(client, 'deleted');

      await clientRows().delete({ where: { id } });
      strapi.log.info(logMessage('client deleted', { clientId: client.clientId }));
      // The delete revoked every family of the client, so none is active any more.
      return toClientView(client, 0);
    },
  };
};
