import { Button, Flex, Table, Tbody, Td, TextButton, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { SessionView } from '../types';

interface SessionTableProps {
  sessions: SessionView[];
  canRevoke: boolean;
  onFilterByUser: (userId: number) => void;
  onFilterByClient: (clientId: string) => void;
  onRevoke: (session: SessionView) => void;
}

const COLUMN_COUNT = 8;

/** Lists active sessions, one row per token family: one sign-in of a user on one client. */
export const SessionTable = ({ sessions, canRevoke, onFilterByUser, onFilterByClient, onRevoke }: SessionTableProps) => {
  const { formatMessage, formatDate } = useIntl();

  const formatTime = (value: string | null) =>
    value
      ? formatDate(value, { dateStyle: 'medium', timeStyle: 'short' })
      : formatMessage({ id: 'refreshing.sessions.never', defaultMessage: 'never' });

  const unknown = formatMessage({ id: 'refreshing.sessions.unknown', defaultMessage: 'unknown' });

  const headers = [
    formatMessage({ id: 'refreshing.sessions.user', defaultMessage: 'User' }),
    formatMessage({ id: 'refreshing.sessions.client', defaultMessage: 'Client' }),
    formatMessage({ id: 'refreshing.sessions.device', defaultMessage: 'Device' }),
    formatMessage({ id: 'refreshing.sessions.ip', defaultMessage: 'IP address' }),
    formatMessage({ id: 'refreshing.sessions.created', defaultMessage: 'Signed in' }),
    formatMessage({ id: 'refreshing.sessions.lastUsed', defaultMessage: 'Last used' }),
    formatMessage({ id: 'refreshing.sessions.expires', defaultMessage: 'Expires' }),
  ];

  return (
    <Table colCount={COLUMN_COUNT} rowCount={sessions.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
          <Th>
            <VisuallyHidden>{formatMessage({ id: 'refreshing.sessions.actions', defaultMessage: 'Actions' })}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {sessions.map((session) => (
          <Tr key={session.id}>
            <Td>
              <Flex direction="column" alignItems="start">
                <TextButton onClick={() => onFilterByUser(session.user.id)}>
                  {`${session.user.username ?? unknown} (#${session.user.id})`}
                </TextButton>
                <Typography variant="pi" textColor="neutral600">
                  {session.user.email ?? unknown}
                </Typography>
              </Flex>
            </Td>
            <Td>
              <Flex direction="column" alignItems="start">
                <TextButton onClick={() => onFilterByClient(session.clientId)}>{session.clientName}</TextButton>
                <Typography variant="pi" textColor="neutral600" tag="code" style={{ fontFamily: 'monospace' }}>
                  {session.clientId}
                </Typography>
              </Flex>
            </Td>
            <Td>
              <Typography title={session.userAgent ?? undefined}>{session.device ?? session.userAgent ?? unknown}</Typography>
            </Td>
            <Td>
              <Typography>{session.ip ?? unknown}</Typography>
            </Td>
            <Td>
              <Typography>{formatTime(session.createdAt)}</Typography>
            </Td>
            <Td>
              <Typography>{formatTime(session.lastUsedAt)}</Typography>
            </Td>
            <Td>
              <Typography>{formatTime(session.expiresAt)}</Typography>
            </Td>
            <Td>
              {canRevoke && (
                <Button variant="danger-light" size="S" onClick={() => onRevoke(session)}>
                  {formatMessage({ id: 'refreshing.sessions.revoke', defaultMessage: 'Revoke' })}
                </Button>
              )}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
