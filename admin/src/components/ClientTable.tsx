import { Badge, Flex, Switch, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ClientView } from '../types';

import { ClientLifetimes } from './ClientLifetimes';
import { ClientRowActions } from './ClientRowActions';
import { LabelledValues } from './LabelledValues';
import { TruncatedText } from './TruncatedText';

interface ClientTableProps {
  clients: ClientView[];
  canManage: boolean;
  onToggleEnabled: (client: ClientView, enabled: boolean) => void;
  onEdit: (client: ClientView) => void;
  onRotateSecret: (client: ClientView) => void;
  onDelete: (client: ClientView) => void;
}

const COLUMN_COUNT = 5;

/**
 * Lists the registered clients. Related fields share a cell and long ids are cut, so that the
 * row actions stay in view without scrolling at a window width of 1280 pixels.
 */
export const ClientTable = ({ clients, canManage, onToggleEnabled, ...actions }: ClientTableProps) => {
  const { formatMessage } = useIntl();

  const listOrNone = (values: string[]) =>
    values.length > 0 ? values.join(', ') : formatMessage({ id: 'refreshing.clients.none', defaultMessage: 'none' });

  const headers = [
    formatMessage({ id: 'refreshing.clients.client', defaultMessage: 'Client' }),
    formatMessage({ id: 'refreshing.clients.grantsAndScopes', defaultMessage: 'Grant types and scopes' }),
    formatMessage({ id: 'refreshing.clients.lifetimes', defaultMessage: 'Lifetimes' }),
    formatMessage({ id: 'refreshing.clients.status', defaultMessage: 'Status' }),
  ];

  return (
    <Table colCount={COLUMN_COUNT} rowCount={clients.length + 1}>
      <Thead>
        <Tr>
          {headers.map((header) => (
            <Th key={header}>
              <Typography variant="sigma">{header}</Typography>
            </Th>
          ))}
          <Th>
            <VisuallyHidden>{formatMessage({ id: 'refreshing.clients.actions', defaultMessage: 'Actions' })}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {clients.map((client) => (
          <Tr key={client.id}>
            <Td>
              <Flex direction="column" alignItems="start" gap={1}>
                <TruncatedText text={client.name} maxWidth="20rem" fontWeight="bold" />
                <TruncatedText text={client.clientId} maxWidth="20rem" variant="pi" monospace />
                <Flex gap={1} wrap="wrap">
                  <Badge active={client.clientType === 'confidential'}>
                    {client.clientType === 'confidential'
                      ? formatMessage({ id: 'refreshing.clients.confidential', defaultMessage: 'confidential' })
                      : formatMessage({ id: 'refreshing.clients.public', defaultMessage: 'public' })}
                  </Badge>
                  {client.declaredInConfig && (
                    <Badge>{formatMessage({ id: 'refreshing.clients.configBadge', defaultMessage: 'config file' })}</Badge>
                  )}
                </Flex>
              </Flex>
            </Td>
            <Td>
              <LabelledValues
                wrap
                values={[
                  {
                    key: 'grants',
                    label: formatMessage({ id: 'refreshing.clients.grants', defaultMessage: 'Grant types' }),
                    value: listOrNone(client.grants),
                  },
                  {
                    key: 'scopes',
                    label: formatMessage({ id: 'refreshing.clients.scopes', defaultMessage: 'Scopes' }),
                    value: listOrNone(client.scopes),
                  },
                ]}
              />
            </Td>
            <Td>
              <ClientLifetimes client={client} />
            </Td>
            <Td>
              <Flex direction="column" alignItems="start" gap={1}>
                <Switch
                  checked={client.enabled}
                  disabled={!canManage}
                  onCheckedChange={(checked) => onToggleEnabled(client, checked)}
                  aria-label={formatMessage(
                    { id: 'refreshing.clients.enabledLabel', defaultMessage: 'Enable {name}' },
                    { name: client.name },
                  )}
                />
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage(
                    {
                      id: 'refreshing.clients.activeSessionCount',
                      defaultMessage: '{count, plural, one {# active session} other {# active sessions}}',
                    },
                    { count: client.activeSessions },
                  )}
                </Typography>
              </Flex>
            </Td>
            <Td>{canManage && <ClientRowActions client={client} {...actions} />}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
