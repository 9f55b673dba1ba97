import * as React from 'react';

import { Box, Button, EmptyStateLayout } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { ClientFormModal } from '../components/ClientFormModal';
import { ClientSecretDialog, type RevealedSecret } from '../components/ClientSecretDialog';
import { ClientTable } from '../components/ClientTable';
import { ConfirmActionDialog } from '../components/ConfirmActionDialog';
import { useClientActions, useClients } from '../hooks/useClients';
import { useRequestFeedback } from '../hooks/useRequestFeedback';
import { PERMISSIONS } from '../permissions';
import type { ClientSecretResponse, ClientView } from '../types';
import { toClientInput, toClientUpdate, type ClientFormValues } from '../utils/clientForm';

type FormTarget = { client: ClientView | null } | null;
type ConfirmedAction = 'delete' | 'rotate' | 'disable';
type PendingAction = { kind: ConfirmedAction; client: ClientView } | null;

const CONFIRMATIONS: Record<ConfirmedAction, { title: MessageDescriptor; body: MessageDescriptor }> = {
  rotate: {
    title: { id: 'refreshing.clients.rotateTitle', defaultMessage: 'Rotate the client secret?' },
    body: {
      id: 'refreshing.clients.rotateBody',
      defaultMessage: 'The current secret of {name} stops working at once. Every server that uses it needs the new one.',
    },
  },
  delete: {
    title: { id: 'refreshing.clients.deleteTitle', defaultMessage: 'Delete the client?' },
    body: {
      id: 'refreshing.clients.deleteBody',
      defaultMessage: '{name} and its {count, plural, one {# active session} other {# active sessions}} end at once.',
    },
  },
  disable: {
    title: { id: 'refreshing.clients.disableTitle', defaultMessage: 'Disable the client?' },
    body: {
      id: 'refreshing.clients.disableBody',
      defaultMessage: '{name} gets no more tokens, and its {count, plural, one {# active session ends} other {# active sessions end}} at once.',
    },
  },
};

export const ClientsPage = () => {
  const { formatMessage } = useIntl();
  const { notifyError, notifySuccess } = useRequestFeedback();
  const { isLoading: isLoadingPermissions, allowedActions } = useRBAC(PERMISSIONS.manageClients);
  const canManage = Boolean(allowedActions.canManage);
  const { clients, error, isLoading, refetch } = useClients(true);
  const actions = useClientActions();

  const [formTarget, setFormTarget] = React.useState<FormTarget>(null);
  const [pendingAction, setPendingAction] = React.useState<PendingAction>(null);
  const [revealedSecret, setRevealedSecret] = React.useState<RevealedSecret | null>(null);

  const revealSecret = (response: ClientSecretResponse) => {
    if (response.clientSecret) {
      setRevealedSecret({ clientId: response.data.clientId, name: response.data.name, secret: response.clientSecret });
    }
  };

  const submitForm = async (values: ClientFormValues) => {
    try {
      if (formTarget?.client) {
        await actions.update(formTarget.client.id, toClientUpdate(values));
        notifySuccess(formatMessage({ id: 'refreshing.clients.saved', defaultMessage: 'Client saved.' }));
      } else {
        const response = await actions.create(toClientInput(values));
        notifySuccess(formatMessage({ id: 'refreshing.clients.created', defaultMessage: 'Client created.' }));
        revealSecret(response);
      }
    } catch (requestError) {
      notifyError(requestError);
      throw requestError;
    }
    setFormTarget(null);
    refetch();
  };

  const setEnabled = async (client: ClientView, enabled: boolean) => {
    try {
      await actions.update(client.id, { enabled });
      notifySuccess(
        enabled
          ? formatMessage({ id: 'refreshing.clients.enabledNotice', defaultMessage: '{name} is enabled.' }, { name: client.name })
          : formatMessage(
              { id: 'refreshing.clients.disabledNotice', defaultMessage: '{name} is disabled and its sessions have ended.' },
              { name: client.name },
            ),
      );
    } catch (requestError) {
      notifyError(requestError);
    }
    refetch();
  };

  const confirmPendingAction = async () => {
    if (!pendingAction) {
      return;
    }
    const { kind, client } = pendingAction;
    setPendingAction(null);
    if (kind === 'disable') {
      await setEnabled(client, false);
      return;
    }
    try {
      if (kind === 'rotate') {
        revealSecret(await actions.rotateSecret(client.id));
      } else {
        await actions.remove(client.id);
        notifySuccess(formatMessage({ id: 'refreshing.clients.deleted', defaultMessage: '{name} was deleted.' }, { name: client.name }));
      }
    } catch (requestError) {
      notifyError(requestError);
    }
    refetch();
  };

  const confirmation = pendingAction && {
    title: formatMessage(CONFIRMATIONS[pendingAction.kind].title),
    body: formatMessage(CONFIRMATIONS[pendingAction.kind].body, {
      name: pendingAction.client.name,
      count: pendingAction.client.activeSessions,
    }),
  };

  if (isLoading && clients.length === 0) {
    return <Page.Loading />;
  }
  if (error) {
    return <Page.Error />;
  }

  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: 'refreshing.clients.pageTitle', defaultMessage: 'OAuth clients' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: 'refreshing.clients.title', defaultMessage: 'Clients' })}
        subtitle={formatMessage({
          id: 'refreshing.clients.subtitle',
          defaultMessage: 'Applications that may request tokens at POST /oauth/token.',
        })}
        primaryAction={
          canManage && !isLoadingPermissions ? (
            <Button startIcon={<Plus />} onClick={() => setFormTarget({ client: null })}>
              {formatMessage({ id: 'refreshing.clients.create', defaultMessage: 'Create client' })}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {clients.length === 0 ? (
          <Box background="neutral0" hasRadius shadow="filterShadow">
            <EmptyStateLayout
              content={formatMessage({ id: 'refreshing.clients.empty', defaultMessage: 'No client is registered yet.' })}
            />
          </Box>
        ) : (
          <ClientTable
            clients={clients}
            canManage={canManage}
            onToggleEnabled={(client, enabled) =>
              enabled ? setEnabled(client, true) : setPendingAction({ kind: 'disable', client })
            }
            onEdit={(client) => setFormTarget({ client })}
            onRotateSecret={(client) => setPendingAction({ kind: 'rotate', client })}
            onDelete={(client) => setPendingAction({ kind: 'delete', client })}
          />
        )}
      </Layouts.Content>

      {formTarget && <ClientFormModal client={formTarget.client} onClose={() => setFormTarget(null)} onSubmit={submitForm} />}
      <ConfirmActionDialog confirmation={confirmation} onConfirm={confirmPendingAction} onClose={() => setPendingAction(null)} />
      <ClientSecretDialog revealed={revealedSecret} onClose={() => setRevealedSecret(null)} />
    </Page.Main>
  );
};

export const ProtectedClientsPage = () => (
  <Page.Protect permissions={PERMISSIONS.readClients}>
    <ClientsPage />
  </Page.Protect>
);
