import { randomBytes } from 'node:crypto';

import bcrypt from 'bcryptjs';

import type { ConfigClient } from '../config/defaults';
import { compareInWorker } from '../passwords/password-pool';
import type { Strapi } from '../utils/plugin';
import { CONTENT_TYPES, logMessage } from '../utils/plugin';

// bcrypt's cost factor for client secrets: 2^10 rounds, as users-permissions uses for passwords.
const BCRYPT_COST = 10;

// 32 random bytes encode to 43 base64url characters, well inside bcrypt's 72-byte input limit.
const GENERATED_SECRET_BYTES = 32;

// Every token request reads its client, and clients change rarely, so a read is reused for this
// long. A write through this Strapi process clears the cache at once (see `forgetCached`);
// another process reads the change within this time.
const CLIENT_CACHE_MILLISECONDS = 1000;

// Bounds the cache when requests name many distinct clients.
const CLIENT_CACHE_SIZE = 1000;

// 16 random bytes (128 bits) encode to 22 base64url characters, so generated ids never collide in
// practice.
const GENERATED_CLIENT_ID_BYTES = 16;

/** A stored client row (content type `plugin::refreshing.client`). */
export interface ClientRecord {
  id: number;
  name: string;
  clientId: string;
  secretHash: string | null;
  clientType: 'confidential' | 'public';
  grants: string[];
  scopes: string[];
  accessTokenLifetime: number | null;
  refreshTokenLifetime: number | null;
  refreshTokenIdleLifetime: number | null;
  resourceServer: boolean;
  enabled: boolean;
  declaredInConfig: boolean;
  createdAt: string | Date;
  updatedAt: string | Date;
}

export function isConfidential(client: ClientRecord): boolean {
  return client.clientType === 'confidential';
}

export function allowsGrant(client: ClientRecord, grantType: string): boolean {
  return Array.isArray(client.grants) && client.grants.includes(grantType);
}

export function generateClientSecret(): string {
  return randomBytes(GENERATED_SECRET_BYTES).toString('base64url');
}

export function generateClientId(): string {
  return randomBytes(GENERATED_CLIENT_ID_BYTES).toString('base64url');
}

export default ({ strapi }: { strapi: Strapi }) => {
  const clients = () => strapi.db.query(CONTENT_TYPES.client);

  // Compared against when the client is unknown, so that an unknown client id costs the same
  // bcrypt work as a wrong secret and timing does not reveal which of the two failed.
  let unknownClientHash: string | undefined;

  const cache = new Map<string, { client: ClientRecord; readAt: number }>();
  // Counts `forgetCached` calls, so that a read that a write overtook is not cached.
  let cacheGeneration = 0;

  async function findByClientId(clientId: string): Promise<ClientRecord | null> {
    return (await clients().findOne({ where: { clientId } })) as ClientRecord | null;
  }

  /** Like `findByClientId`, from a read at most CLIENT_CACHE_MILLISECONDS old. */
  async function findCached(clientId: string): Promise<ClientRecord | null> {
    const now = Date.now();
    const cached = cache.get(clientId);
    if (cached && now - cached.readAt < CLIENT_CACHE_MILLISECONDS) {
      return cached.client;
    }

    const generation = cacheGeneration;
    const client = await findByClientId(clientId);
    if (generation !== cacheGeneration) {
      return client;
    }
    if (cache.size >= CLIENT_CACHE_SIZE) {
      cache.clear();
    }
    if (client) {
      cache.set(clientId, { client, readAt: now });
    } else {
      cache.delete(clientId);
    }
    return client;
  }

  return {
    findByClientId,

    /** Drops every cached client; called after any write to the clients table. */
    forgetCached(): void {
      cacheGeneration += 1;
      cache.clear();
    },

    /**
     * Returns the enabled client that the credentials authenticate (RFC 6749 §2.3.1), or null.
     * A confidential client must present its secret; a public client must present none.
     */
    async authenticate(clientId: string, clientSecret: string | undefined): Promise<ClientRecord | null> {
      const client = await findCached(clientId);

      if (clientSecret !== undefined) {
        unknownClientHash ??= await bcrypt.hash(generateClientSecret(), BCRYPT_COST);
        const hash = client && isConfidential(client) && client.secretHash ? client.secretHash : unknownClientHash;
        const matches = await compareInWorker(clientSecret, hash);
        if (!client || !isConfidential(client) || !matches) {
          return null;
        }
      } else if (!client || isConfidential(client)) {
        return null;
      }

      return client.enabled ? client : null;
    },

    /** Hashes a client secret for storage. */
    hashSecret(secret: string): Promise<string> {
      return bcrypt.hash(secret, BCRYPT_COST);
    },

    /**
     * Creates or updates each client declared in the plugin config. A client keeps its row, and
     * so its sessions, across restarts; its secret is re-hashed only when it changed.
     */
    async upsertConfigClients(declared: ConfigClient[]): Promise<void> {
      for (const entry of declared) {
        const existing = await findByClientId(entry.clientId);
        const data = {
          name: entry.name,
          clientType: entry.clientSecret ? 'confidential' : 'public',
          grants: entry.grants,
          scopes: entry.scopes ?? [],
          accessTokenLifetime: entry.accessTokenLifetime ?? null,
          refreshTokenLifetime: entry.refreshTokenLifetime ?? null,
          refreshTokenIdleLifetime: entry.refreshTokenIdleLifetime ?? null,
          resourceServer: entry.resourceServer ?? false,
          declaredInConfig: true,
        };

        let secretHash: string | null = null;
        if (entry.clientSecret) {
          const unchanged = existing?.secretHash && (await bcrypt.compare(entry.clientSecret, existing.secretHash));
          secretHash = unchanged ? existing.secretHash : await bcrypt.hash(entry.clientSecret, BCRYPT_COST);
        }

        if (existing) {
          await clients().update({ where: { id: existing.id }, data: { ...data, secretHash } });
        } else {
          await clients().create({
            data: { ...data, clientId: entry.clientId, secretHash, enabled: true },
          });
        }
        strapi.log.debug(logMessage('config client upserted', { clientId: entry.clientId }));
      }
    },
  };
};
