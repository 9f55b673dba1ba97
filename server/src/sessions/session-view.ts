import type { ClientRecord } from '../services/clients';
import type { TokenFamilyRecord } from '../services/tokens';
import { toIsoString } from '../utils/dates';
import { sessionExpiresAt } from './active-session-filter';
import { describeDevice } from './device-name';

/** A session as its own user sees it at `GET /api/refreshing/sessions`. */
export interface UserSessionView {
  id: number;
  clientId: string;
  clientName: string;
  device: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  current: boolean;
}

/** The user of a session, as the admin API shows it. */
export interface SessionUser {
  id: number;
  username: string | null;
  email: string | null;
}

/** A session as the admin API lists it. */
export interface AdminSessionView {
  id: number;
  user: SessionUser;
  clientId: string;
  clientName: string;
  device: string | null;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
}

/**
 * Shows a token family to its user. `currentFamilyId` is the family of the access token that
 * authenticated the request, or undefined for a users-permissions JWT. No token value, hash or
 * sealed successor is part of a family row, so none can leak from here.
 */
export function toUserSessionView(family: TokenFamilyRecord, client: ClientRecord, currentFamilyId: number | undefined): UserSessionView {
  return {
    id: family.id,
    clientId: family.clientId,
    clientName: client.name,
    device: describeDevice(family.userAgent),
    ip: family.ip,
    createdAt: toIsoString(family.createdAt),
    lastUsedAt: toIsoString(family.lastUsedAt),
    current: family.id === currentFamilyId,
  };
}

/**
 * Shows a token family to an administrator. A user deleted without the Query Engine (whose
 * families the revocation triggers could not end) is shown by id only.
 */
export function toAdminSessionView(
  family: TokenFamilyRecord,
  client: ClientRecord,
  user: SessionUser | undefined,
  defaultIdleLifetime: number,
): AdminSessionView {
  const lastUsedAt = family.lastUsedAt === null ? null : new Date(family.lastUsedAt);
  const idleLifetime = client.refreshTokenIdleLifetime ?? defaultIdleLifetime;

  return {
    id: family.id,
    user: user ?? { id: family.userId, username: null, email: null },
    clientId: family.clientId,
    clientName: client.name,
    device: describeDevice(family.userAgent),
    userAgent: family.userAgent,
    ip: family.ip,
    createdAt: toIsoString(family.createdAt),
    lastUsedAt: toIsoString(family.lastUsedAt),
    expiresAt: sessionExpiresAt(new Date(family.expiresAt), lastUsedAt, idleLifetime).toISOString(),
  };
}
