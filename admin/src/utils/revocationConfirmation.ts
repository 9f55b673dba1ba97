import type { IntlShape } from 'react-intl';

import type { ClientView, SessionView } from '../types';

import { describeUser } from './sessionLabels';

/** A revocation on the Sessions page that waits for the admin to confirm it. */
export type PendingRevocation =
  | { kind: 'session'; session: SessionView }
  | { kind: 'user'; userId: number; userLabel: string }
  | { kind: 'client'; client: ClientView };

/** Returns the title and text of the dialog that confirms a revocation. */
export function describeRevocation(
  revocation: PendingRevocation,
  formatMessage: IntlShape['formatMessage'],
): { title: string; body: string } {
  if (revocation.kind === 'session') {
    return {
      title: formatMessage({ id: 'refreshing.sessions.revokeSessionTitle', defaultMessage: 'Revoke the session?' }),
      body: formatMessage(
        {
          id: 'refreshing.sessions.revokeOneBody',
          defaultMessage: 'The session of {user} on {client} ends: its refresh token and access tokens stop working at once.',
        },
        { user: describeUser(revocation.session.user), client: revocation.session.clientName },
      ),
    };
  }

  if (revocation.kind === 'user') {
    return {
      title: formatMessage({ id: 'refreshing.sessions.revokeUserTitle', defaultMessage: 'Revoke all sessions of the user?' }),
      body: formatMessage(
        {
          id: 'refreshing.sessions.revokeUserBody',
          defaultMessage: 'Every session of {user}, on every client, ends at once. The user must sign in again.',
        },
        { user: revocation.userLabel },
      ),
    };
  }

  return {
    title: formatMessage({ id: 'refreshing.sessions.revokeClientTitle', defaultMessage: 'Revoke all sessions of the client?' }),
    body: formatMessage(
      {
        id: 'refreshing.sessions.revokeClientBody',
        defaultMessage: 'Every session on {client} ends at once. Its users must sign in again.',
      },
      { client: revocation.client.name },
    ),
  };
}
