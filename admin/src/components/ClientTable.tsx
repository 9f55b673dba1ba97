import { Badge, Flex, Switch, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ClientView } from '../types';

import { ClientLifetimes } from './ClientLifetimes';
import { ClientRowActions } from './ClientRowActions';

interface ClientTableProps {
  clients: ClientView[];
  canManage: boolean;
  onToggleEnabled: (client: ClientView, enabled: boolean) => void;
  onEdit: (client: ClientView) => void;
  onRotateSecret: (client: ClientView) => void;
  onDelete: (client: ClientView) => void;
}

const COLUMN_COUNT = 9;

export const ClientTable = ({ clients, canManage, onToggleEnabled, ...actions }: ClientTableProps) => {
  const { formatMessage, formatNumber } = useIntl();

  const listOrNone = (values: string[]) =>
    values.length > 0 ? values.join(', ') : formatMessage({ id: 'refreshing.clients.none', defaultMessage: 'none' });

  const headers = [
    formatMessage({ id: 'refreshing.clients.name', defaultMessage: 'Name' }),
    formatMessage({ id: 'refreshing.clients.clientId', defaultMessage: 'Client ID' }),
    formatMessage({ id: 'refreshing.clients.type', defaultMessage: 'Type' }),
    formatMessage({ id: 'refreshing.clients.grants', defaultMessage: 'Grant types' }),
    formatMessage({ id: 'refreshing.clients.scopes', defaultMessage: 'Scopes' }),
    formatMessage({ id: 'refreshing.clients.lifetimes', defaultMessage: 'Lifetimes' }),
    formatMessage({ id: 'refreshing.clients.enabled', defaultMessage: 'Enabled' }),
    formatMessage({ id: 'refreshing.clients.activeSessions', defaultMessage: 'Active sessions' }),
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
                <Typography fontWeight="bold">{client.name}</Typography>
                {client.declaredInConfig && (
                  <Badge>{formatMessage({ id: 'refreshing.clients.configBadge', defaultMessage: 'config file' })}</Badge>
                )}
              </Flex>
            </Td>
            <Td>
              <Typography tag="code" style={{ fontFamily: 'monospace' }}>
                {client.clientId}
              </Typography>
            </Td>
            <Td>
              <Badge active={client.clientType === 'confidential'}>
                {client.clientType === 'confidential'
                  ? formatMessage({ id: 'refreshing.clients.confidential', defaultMessage: 'confidential' })
                  : formatMessage({ id: 'refreshing.clients.public', defaultMessage: 'public' })}
              </Badge>
            </Td>
            <Td>
              <Typography>{listOrNone(client.grants)}</Typography>
            </Td>
            <Td>
              <Typography>{listOrNone(client.scopes)}</Typography>
            </Td>
            <Td>
              <ClientLifetimes client={client} />
            </Td>
            <Td>
              <Switch
                checked={client.enabled}
                disabled={!canManage}
                onCheckedChange={(checked) => onToggleEnabled(client, checked)}
                aria-label={formatMessage(
                  { id: 'refreshing.clients.enabledLabel', defaultMessage: 'Enable {name}' },
                  { name: client.name },
                )}
              />
            </Td>
            <Td>
              <Typography>{formatNumber(client.activeSessions)}</Typography>
            </Td>
            <Td>{canManage && <ClientRowActions client={client} {...actions} />}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
