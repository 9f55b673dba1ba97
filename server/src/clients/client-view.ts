import type { ClientRecord } from '../services/clients';
import { toIsoString } from '../utils/dates';

/** A client as the admin API shows it. The secret hash is never part of it. */
export interface ClientView {
  id: number;
  clientId: string;
  name: string;
  clientType: 'confidential' | 'public';
  grants: string[];
  scopes: string[];
  accessTokenLifetime: number | null;
  refreshTokenLifetime: number | null;
  refreshTokenIdleLifetime: number | null;
  resourceServer: boolean;
  enabled: boolean;
  declaredInConfig: boolean;
  activeSessions: number;
  createdAt: string;
  updatedAt: string;
}

/** Copies the public fields of a client row, one by one, so that a new column is never sent by accident. */
export function toClientView(client: ClientRecord, activeSessions: number): ClientView {
  return {
    id: client.id,
    clientId: client.clientId,
    name: client.name,
    clientType: client.clientType,
    grants: client.grants ?? [],
    scopes: client.scopes ?? [],
    accessTokenLifetime: client.accessTokenLifetime ?? null,
    refreshTokenLifetime: client.refreshTokenLifetime ?? null,
    refreshTokenIdleLifetime: client.refreshTokenIdleLifetime ?? null,
    resourceServer: Boolean(client.resourceServer),
    enabled: Boolean(client.enabled),
    declaredInConfig: Boolean(client.declaredInConfig),
    activeSessions,
    createdAt: toIsoString(client.createdAt),
    updatedAt: toIsoString(client.updatedAt),
  };
}
