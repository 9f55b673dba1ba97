import type { RevocationReason } from './services/revocation';
import type { Strapi } from './utils/plugin';
import { CONTENT_TYPES } from './utils/plugin';
import { getService } from './utils/services';

interface LifecycleEvent {
  params: { where?: Record<string, unknown>; data?: Record<string, unknown> };
  state: { pending?: { ids: Array<number | string>; reason: RevocationReason } };
}

/** Why a user update ends the user's sessions, or undefined when it does not. */
function userUpdateReason(data: Record<string, unknown> | undefined): RevocationReason | undefined {
  if (data?.blocked === true) {
    return 'user_blocked';
  }
  // Any write of the password, from a reset, a change or the admin panel, ends other sessions.
  if (typeof data?.password === 'string' && data.password !== '') {
    return 'password_changed';
  }
  return undefined;
}

/**
 * Subscribes to database lifecycles so that a user's token families are revoked when the user is
 * blocked, deleted or gets a new password, and a client's when it is disabled or deleted. Hooking
 * the database rather than routes covers every path: users-permissions routes, the admin panel,
 * and code that calls the Query Engine or the Document Service.
 */
export function subscribeRevocationTriggers(strapi: Strapi): void {
  const revocation = () => getService(strapi, 'revocation');

  /** Remembers which rows the coming write touches, since `where` may match several. */
  async function rememberTargets(
    event: LifecycleEvent,
    uid: typeof CONTENT_TYPES.user | typeof CONTENT_TYPES.client,
    field: 'id' | 'clientId',
    reason: RevocationReason | undefined,
  ): Promise<void> {
    if (!reason) {
      return;
    }
    const rows = (await strapi.db.query(uid).findMany({ where: event.params.where ?? {}, select: [field] })) as Array<
      Record<string, number | string>
    >;
    event.state.pending = { ids: rows.map((row) => row[field]), reason };
  }

  async function revokeUsers(event: LifecycleEvent): Promise<void> {
    const pending = event.state.pending;
    for (const id of pending?.ids ?? []) {
      await revocation().revokeFamiliesOfUser(Number(id), pending!.reason);
    }
  }

  async function revokeClients(event: LifecycleEvent): Promise<void> {
    const pending = event.state.pending;
    for (const clientId of pending?.ids ?? []) {
      await revocation().revokeFamiliesOfClient(String(clientId), pending!.reason);
    }
  }

  const beforeUserUpdate = (event: LifecycleEvent) =>
    rememberTargets(event, CONTENT_TYPES.user, 'id', userUpdateReason(event.params.data));
  const beforeUserDelete = (event: LifecycleEvent) => rememberTargets(event, CONTENT_TYPES.user, 'id', 'user_deleted');

  strapi.db.lifecycles.subscribe({
    models: [CONTENT_TYPES.user],
    beforeUpdate: beforeUserUpdate,
    beforeUpdateMany: beforeUserUpdate,
    afterUpdate: revokeUsers,
    afterUpdateMany: revokeUsers,
    beforeDelete: beforeUserDelete,
    beforeDeleteMany: beforeUserDelete,
    afterDelete: revokeUsers,
    afterDeleteMany: revokeUsers,
  } as never);

  const beforeClientUpdate = (event: LifecycleEvent) =>
    rememberTargets(event, CONTENT_TYPES.client, 'clientId', event.params.data?.enabled === false ? 'client_disabled' : undefined);
  const beforeClientDelete = (event: LifecycleEvent) => rememberTargets(event, CONTENT_TYPES.client, 'clientId', 'client_deleted');

  strapi.db.lifecycles.subscribe({
    models: [CONTENT_TYPES.client],
    beforeUpdate: beforeClientUpdate,
    beforeUpdateMany: beforeClientUpdate,
    afterUpdate: revokeClients,
    afterUpdateMany: revokeClients,
    beforeDelete: beforeClientDelete,
    beforeDeleteMany: beforeClientDelete,
    afterDelete: revokeClients,
    afterDeleteMany: revokeClients,
  } as never);
}
