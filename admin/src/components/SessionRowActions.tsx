import { Button, Flex, IconButton } from '@strapi/design-system';
import { SignOut } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { SessionView } from '../types';
import { describeUser } from '../utils/sessionLabels';

interface SessionRowActionsProps {
  session: SessionView;
  onRevoke: (session: SessionView) => void;
  onRevokeUser: (user: SessionView['user']) => void;
}

/**
 * Renders the two revocations of one session row: this session, or every session of its user.
 * Their accessible names name the session and the user, because every row has the same buttons.
 */
export const SessionRowActions = ({ session, onRevoke, onRevokeUser }: SessionRowActionsProps) => {
  const { formatMessage } = useIntl();
  const user = describeUser(session.user);
  const client = session.clientName;

  const revokeLabel = session.device
    ? formatMessage(
        { id: 'refreshing.sessions.revokeSessionLabel', defaultMessage: 'Revoke the session of {user} on {client} ({device})' },
        { user, client, device: session.device },
      )
    : formatMessage(
        { id: 'refreshing.sessions.revokeSessionLabelNoDevice', defaultMessage: 'Revoke the session of {user} on {client}' },
        { user, client },
      );

  return (
    <Flex gap={1} justifyContent="end">
      <Button variant="danger-light" size="S" aria-label={revokeLabel} onClick={() => onRevoke(session)}>
        {formatMessage({ id: 'refreshing.sessions.revoke', defaultMessage: 'Revoke' })}
      </Button>
      <IconButton
        variant="danger-light"
        label={formatMessage({ id: 'refreshing.sessions.revokeUserLabel', defaultMessage: 'Revoke all sessions of {user}' }, { user })}
        onClick={() => onRevokeUser(session.user)}
      >
        <SignOut />
      </IconButton>
    </Flex>
  );
};
