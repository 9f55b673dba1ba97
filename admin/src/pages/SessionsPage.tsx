import * as React from 'react';

import { Box, Button, EmptyStateLayout, Flex } from '@strapi/design-system';
import { Layouts, Page, Pagination, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { ConfirmActionDialog } from '../components/ConfirmActionDialog';
import { SessionFilters, type SessionFilterValues } from '../components/SessionFilters';
import { SessionTable } from '../components/SessionTable';
import { useClients } from '../hooks/useClients';
import { useRequestFeedback } from '../hooks/useRequestFeedback';
import { useSessionActions, useSessions } from '../hooks/useSessions';
import { PERMISSIONS } from '../permissions';
import { describeRevocation, type PendingRevocation } from '../utils/revocationConfirmation';
import { describeUser } from '../utils/sessionLabels';

interface SessionQueryParams {
  page?: string;
  pageSize?: string;
  userId?: string;
  clientId?: string;
}

const DEFAULT_PAGE_SIZE = 10;

function toPositiveNumber(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

export const SessionsPage = () => {
  const { formatMessage } = useIntl();
  const { notifyError, notifySuccess } = useRequestFeedback();
  const revokePermission = useRBAC(PERMISSIONS.revokeSessions);
  const readClientsPermission = useRBAC(PERMISSIONS.readClients);
  const canRevoke = Boolean(revokePermission.allowedActions.canRevoke);
  const canReadClients = Boolean(readClientsPermission.allowedActions.canRead);

  // The query string keeps the page and the filters, so that a reload or a shared link shows the same list.
  const [{ query }, setQuery] = useQueryParams<SessionQueryParams>();
  const filters: SessionFilterValues = { userId: query.userId || undefined, clientId: query.clientId || undefined };
  const page = toPositiveNumber(query.page, 1);
  const pageSize = toPositiveNumber(query.pageSize, DEFAULT_PAGE_SIZE);

  const { sessions, pagination, error, isLoading, refetch } = useSessions({ page, pageSize, ...filters }, true);
  const { clients } = useClients(canReadClients && !readClientsPermission.isLoading);
  const actions = useSessionActions();
  const [pending, setPending] = React.useState<PendingRevocation | null>(null);

  // useQueryParams writes values unencoded, and a client_id may contain '&' or '='.
  const applyFilters = (next: SessionFilterValues) =>
    setQuery({
      page: '1',
      pageSize: String(pageSize),
      userId: next.userId ?? '',
      clientId: encodeURIComponent(next.clientId ?? ''),
    });

  const filteredUserId = filters.userId ? Number(filters.userId) : undefined;
  const filteredUser = sessions.find((session) => session.user.id === filteredUserId)?.user;
  const filteredClient = clients.find((client) => client.clientId === filters.clientId);

  const confirmRevocation = async () => {
    if (!pending) {
      return;
    }
    const revocation = pending;
    setPending(null);
    try {
      let revoked: number;
      if (revocation.kind === 'session') {
        revoked = await actions.revokeSession(revocation.session.id);
      } else if (revocation.kind === 'user') {
        revoked = await actions.revokeUserSessions(revocation.userId);
      } else {
        revoked = await actions.revokeClientSessions(revocation.client.id);
      }
      notifySuccess(
        formatMessage(
          { id: 'refreshing.sessions.revoked', defaultMessage: '{count, plural, =0 {No session was active.} one {# session revoked.} other {# sessions revoked.}}' },
          { count: revoked },
        ),
      );
    } catch (requestError) {
      notifyError(requestError);
    }
    refetch();
  };

  const confirmation = pending && describeRevocation(pending, formatMessage);

  if (isLoading && !pagination) {
    return <Page.Loading />;
  }
  if (error) {
    return <Page.Error />;
  }

  const bulkActions = canRevoke && (filteredUserId || filteredClient) && (
    <Flex gap={2}>
      {filteredUserId && (
        <Button
          variant="danger-light"
          onClick={() =>
            setPending({
              kind: 'user',
              userId: filteredUserId,
              userLabel: filteredUser ? describeUser(filteredUser) : `#${filteredUserId}`,
            })
          }
        >
          {formatMessage({ id: 'refreshing.sessions.revokeUser', defaultMessage: 'Revoke all sessions of this user' })}
        </Button>
      )}
      {filteredClient && (
        <Button variant="danger-light" onClick={() => setPending({ kind: 'client', client: filteredClient })}>
          {formatMessage({ id: 'refreshing.sessions.revokeClient', defaultMessage: 'Revoke all sessions of this client' })}
        </Button>
      )}
    </Flex>
  );

  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: 'refreshing.sessions.pageTitle', defaultMessage: 'OAuth sessions' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: 'refreshing.sessions.title', defaultMessage: 'Sessions' })}
        subtitle={formatMessage(
          {
            id: 'refreshing.sessions.subtitle',
            defaultMessage: '{count, plural, one {# active session} other {# active sessions}}: one per sign-in of a user on a client.',
          },
          { count: pagination?.total ?? 0 },
        )}
        primaryAction={bulkActions || undefined}
      />
      <Layouts.Action startActions={<SessionFilters filters={filters} clients={clients} onChange={applyFilters} />} />
      <Layouts.Content>
        {sessions.length === 0 ? (
          <Box background="neutral0" hasRadius shadow="filterShadow">
            <EmptyStateLayout
              content={formatMessage({ id: 'refreshing.sessions.empty', defaultMessage: 'No active session matches.' })}
            />
          </Box>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <SessionTable
              sessions={sessions}
              canRevoke={canRevoke}
              onFilterByUser={(userId) => applyFilters({ ...filters, userId: String(userId) })}
              onFilterByClient={(clientId) => applyFilters({ ...filters, clientId })}
              onRevoke={(session) => setPending({ kind: 'session', session })}
              onRevokeUser={(user) => setPending({ kind: 'user', userId: user.id, userLabel: describeUser(user) })}
            />
            <Pagination.Root pageCount={pagination?.pageCount} total={pagination?.total} defaultPageSize={pageSize}>
              <Pagination.PageSize />
              <Pagination.Links />
            </Pagination.Root>
          </Flex>
        )}
      </Layouts.Content>
      <ConfirmActionDialog confirmation={confirmation} onConfirm={confirmRevocation} onClose={() => setPending(null)} />
    </Page.Main>
  );
};

export const ProtectedSessionsPage = () => (
  <Page.Protect permissions={PERMISSIONS.readSessions}>
    <SessionsPage />
  </Page.Protect>
);
