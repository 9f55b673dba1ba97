import { Button, Dialog, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

export interface RevealedSecret {
  clientId: string;
  name: string;
  secret: string;
}

interface ClientSecretDialogProps {
  revealed: RevealedSecret | null;
  onClose: () => void;
}

/**
 * Shows a client secret right after creation or rotation. The server stores only a bcrypt hash,
 * so this dialog is the only place where the plain secret is ever shown.
 */
export const ClientSecretDialog = ({ revealed, onClose }: ClientSecretDialogProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();

  const copySecret = async () => {
    if (!revealed) {
      return;
    }
    try {
      await navigator.clipboard.writeText(revealed.secret);
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: 'refreshing.secret.copied', defaultMessage: 'The client secret is on the clipboard.' }),
      });
    } catch {
      // The Clipboard API rejects without a secure context or without the page having focus.
      toggleNotification({
        type: 'danger',
        message: formatMessage({
          id: 'refreshing.secret.copyFailed',
          defaultMessage: 'The browser did not allow copying. Select the secret and copy it by hand.',
        }),
      });
    }
  };

  const label = formatMessage({ id: 'refreshing.secret.label', defaultMessage: 'Client secret' });

  return (
    <Dialog.Root open={revealed !== null} onOpenChange={(open) => !open && onClose()}>
      {revealed && (
        <Dialog.Content>
          <Dialog.Header>{formatMessage({ id: 'refreshing.secret.title', defaultMessage: 'Store the client secret' })}</Dialog.Header>
          <Dialog.Body>
            <Flex direction="column" alignItems="stretch" gap={4} width="100%">
              <Typography>
                {formatMessage(
                  {
                    id: 'refreshing.secret.warning',
                    defaultMessage: 'This is the secret of {name} ({clientId}). It will not be shown again, because only a hash of it is stored. Copy it now.',
                  },
                  { name: revealed.name, clientId: revealed.clientId },
                )}
              </Typography>
              <Field.Root name="clientSecret">
                <Field.Label>{label}</Field.Label>
                <TextInput
                  readOnly
                  value={revealed.secret}
                  onFocus={(event) => event.target.select()}
                  data-testid="client-secret"
                />
              </Field.Root>
            </Flex>
          </Dialog.Body>
          <Dialog.Footer>
            <Button variant="secondary" startIcon={<Duplicate />} onClick={copySecret} fullWidth>
              {formatMessage({ id: 'refreshing.secret.copy', defaultMessage: 'Copy secret' })}
            </Button>
            <Dialog.Action>
              <Button fullWidth onClick={onClose}>
                {formatMessage({ id: 'refreshing.secret.done', defaultMessage: 'I have stored it' })}
              </Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      )}
    </Dialog.Root>
  );
};
