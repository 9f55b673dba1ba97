import type { SessionView } from '../types';

/** Names a session's user by username, or by id when the user row is gone. */
export function describeUser(user: SessionView['user']): string {
  return user.username ?? `#${user.id}`;
}
