import { Flex, Table, Tbody, Td, TextButton, Th, Thead, Tooltip, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { SessionView } from '../types';
import { describeUser } from '../utils/sessionLabels';

import { LabelledValues } from './LabelledValues';
import { SessionRowActions } from './SessionRowActions';
import { TruncatedText } from './TruncatedText';

interface SessionTableProps {
  sessions: SessionView[];
  canRevoke: boolean;
  onFilterByUser: (userId: number) => void;
  onFilterByClient: (clientId: string) => void;
  onRevoke: (session: SessionView) => void;
  onRevokeUser: (user: SessionView['user']) => void;
}

const COLUMN_COUNT = 5;

/**
 * Lists active sessions, one row per token family: one sign-in of a user on one client. The three
 * dates share a cell and long values are cut, so that the row actions stay in view without
 * scrolling at a window width of 1280 pixels. A cut user or client name shows whole in the
 * tooltip of its filter button.
 */
export const SessionTable = ({ sessions, canRevoke, onFilterByUser, onFilterByClient, onRevoke, onRevokeUser }: SessionTableProps) => {
  const { formatMessage, formatDate } = useIntl();

  const formatTime = (value: string | null) =>
    value
      ? formatDate(value, { dateStyle: 'medium', timeStyle: 'short' })
      : formatMessage({ id: 'refreshing.sessions.never', defaultMessage: 'never' });

  const unknown = formatMessage({ id: 'refreshing.sessions.unknown', defaultMessage: 'unknown' });

  const headers = [
    formatMessage({ id: 'refreshing.sessions.user', defaultMessage: 'User' }),
    formatMessage({ id: 'refreshing.sessions.client', defaultMessage: 'Client' }),
    formatMessage({ id: 'refreshing.sessions.device', defaultMessage: 'Device and IP address' }),
    formatMessage({ id: 'refreshing.sessions.activity', defaultMessage: 'Activity' }),
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
                <Tooltip
                  label={formatMessage(
                    { id: 'refreshing.sessions.filterByUser', defaultMessage: 'List only the sessions of {user}' },
                    { user: describeUser(session.user) },
                  )}
                >
                  <TextButton onClick={() => onFilterByUser(session.user.id)}>
                    <Typography variant="pi" ellipsis maxWidth="16rem">
                      {`${session.user.username ?? unknown} (#${session.user.id})`}
                    </Typography>
                  </TextButton>
                </Tooltip>
                <TruncatedText text={session.user.email ?? unknown} maxWidth="16rem" variant="pi" textColor="neutral600" />
              </Flex>
            </Td>
            <Td>
              <Flex direction="column" alignItems="start">
                <Tooltip
                  label={formatMessage(
                    { id: 'refreshing.sessions.filterByClient', defaultMessage: 'List only the sessions on {client}' },
                    { client: session.clientName },
                  )}
                >
                  <TextButton onClick={() => onFilterByClient(session.clientId)}>
                    <Typography variant="pi" ellipsis maxWidth="14rem">
                      {session.clientName}
                    </Typography>
                  </TextButton>
                </Tooltip>
                <TruncatedText text={session.clientId} maxWidth="14rem" variant="pi" textColor="neutral600" monospace />
              </Flex>
            </Td>
            <Td>
              <Flex direction="column" alignItems="start">
                <TruncatedText
                  text={session.device ?? session.userAgent ?? unknown}
                  tooltip={session.userAgent ?? unknown}
                  maxWidth="16rem"
                />
                <Typography variant="pi" textColor="neutral600">
                  {session.ip ?? unknown}
                </Typography>
              </Flex>
            </Td>
            <Td>
              <LabelledValues
                wrap
                values={[
                  {
                    key: 'created',
                    label: formatMessage({ id: 'refreshing.sessions.created', defaultMessage: 'Signed in' }),
                    value: formatTime(session.createdAt),
                  },
                  {
                    key: 'lastUsed',
                    label: formatMessage({ id: 'refreshing.sessions.lastUsed', defaultMessage: 'Last used' }),
                    value: formatTime(session.lastUsedAt),
                  },
                  {
                    key: 'expires',
                    label: formatMessage({ id: 'refreshing.sessions.expires', defaultMessage: 'Expires' }),
                    value: formatTime(session.expiresAt),
                  },
                ]}
              />
            </Td>
            <Td>{canRevoke && <SessionRowActions session={session} onRevoke={onRevoke} onRevokeUser={onRevokeUser} />}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
