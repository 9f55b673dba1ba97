import * as React from 'react';

import { Button, Checkbox, Field, Flex, Grid, Modal, Radio, TextInput, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ClientView } from '../types';
import {
  GRANT_TYPES,
  initialClientFormValues,
  validateClientForm,
  type ClientFormErrors,
  type ClientFormValues,
} from '../utils/clientForm';

import { ClientLifetimeFields } from './ClientLifetimeFields';

interface ClientFormModalProps {
  /** The client to edit, or null to create one. */
  client: ClientView | null;
  onClose: () => void;
  /** Sends the request; the modal stays open, with its values, when the promise rejects. */
  onSubmit: (values: ClientFormValues) => Promise<void>;
}

/** Renders the create and edit form of a client in a modal. Mount it only while it is open. */
export const ClientFormModal = ({ client, onClose, onSubmit }: ClientFormModalProps) => {
  const { formatMessage } = useIntl();
  const isCreating = client === null;
  const [values, setValues] = React.useState<ClientFormValues>(() => initialClientFormValues(client ?? undefined));
  const [errors, setErrors] = React.useState<ClientFormErrors>({});
  const [isSubmitting, setIsSubmitting] = React.useState(false);

  const setValue = <K extends keyof ClientFormValues>(key: K, value: ClientFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  const errorText = (key: keyof ClientFormValues) => (errors[key] ? formatMessage(errors[key]) : undefined);

  const toggleGrant = (grant: string, checked: boolean) =>
    setValue('grants', checked ? [...values.grants, grant] : values.grants.filter((existing) => existing !== grant));

  const handleSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors = validateClientForm(values, isCreating);
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) {
      return;
    }

    setIsSubmitting(true);
    try {
      await onSubmit(values);
    } catch {
      // The page has shown the server's error as a notification; the admin can correct the form.
    } finally {
      setIsSubmitting(false);
    }
  };

  const title = isCreating
    ? formatMessage({ id: 'refreshing.clientForm.createTitle', defaultMessage: 'Create a client' })
    : formatMessage({ id: 'refreshing.clientForm.editTitle', defaultMessage: 'Edit {name}' }, { name: client.name });

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={handleSubmit} noValidate>
          <Modal.Header>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Grid.Root gap={5}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="name" error={errorText('name')} required>
                  <Field.Label>{formatMessage({ id: 'refreshing.clientForm.name', defaultMessage: 'Name' })}</Field.Label>
                  <TextInput value={values.name} onChange={(event) => setValue('name', event.target.value)} />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name="clientId"
                  error={errorText('clientId')}
                  hint={
                    isCreating
                      ? formatMessage({
                          id: 'refreshing.clientForm.clientIdHint',
                          defaultMessage: 'The public client_id. Leave it empty to generate one.',
                        })
                      : undefined
                  }
                >
                  <Field.Label>{formatMessage({ id: 'refreshing.clientForm.clientId', defaultMessage: 'Client ID' })}</Field.Label>
                  <TextInput
                    value={values.clientId}
                    disabled={!isCreating}
                    onChange={(event) => setValue('clientId', event.target.value)}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>

              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root name="clientType">
                  <Field.Label>{formatMessage({ id: 'refreshing.clientForm.clientType', defaultMessage: 'Client type' })}</Field.Label>
                  <Radio.Group
                    value={values.clientType}
                    disabled={!isCreating}
                    onValueChange={(value) => setValue('clientType', value === 'public' ? 'public' : 'confidential')}
                    aria-label={formatMessage({ id: 'refreshing.clientForm.clientType', defaultMessage: 'Client type' })}
                  >
                    <Radio.Item value="confidential">
                      {formatMessage({
                        id: 'refreshing.clientForm.confidential',
                        defaultMessage: 'Confidential: a server that can keep a secret',
                      })}
                    </Radio.Item>
                    <Radio.Item value="public">
                      {formatMessage({
                        id: 'refreshing.clientForm.public',
                        defaultMessage: 'Public: a mobile or browser app, without a secret',
                      })}
                    </Radio.Item>
                  </Radio.Group>
                </Field.Root>
              </Grid.Item>

              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Typography variant="pi" fontWeight="bold">
                    {formatMessage({ id: 'refreshing.clientForm.grants', defaultMessage: 'Grant types' })}
                  </Typography>
                  {GRANT_TYPES.map((grant) => (
                    <Checkbox
                      key={grant}
                      name={`grant-${grant}`}
                      checked={values.grants.includes(grant)}
                      onCheckedChange={(checked) => toggleGrant(grant, checked === true)}
                    >
                      {grant}
                    </Checkbox>
                  ))}
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage({
                      id: 'refreshing.clientForm.grantsHint',
                      defaultMessage: 'A client without grant types cannot get tokens.',
                    })}
                  </Typography>
                </Flex>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name="scopes"
                  error={errorText('scopes')}
                  hint={formatMessage({
                    id: 'refreshing.clientForm.scopesHint',
                    defaultMessage: 'Scopes the client may request, separated by spaces.',
                  })}
                >
                  <Field.Label>{formatMessage({ id: 'refreshing.clientForm.scopes', defaultMessage: 'Scopes' })}</Field.Label>
                  <TextInput value={values.scopes} onChange={(event) => setValue('scopes', event.target.value)} />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>

              <ClientLifetimeFields values={values} errorText={errorText} onChange={setValue} />

              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Checkbox
                    name="resourceServer"
                    checked={values.clientType === 'confidential' && values.resourceServer}
                    disabled={values.clientType !== 'confidential'}
                    onCheckedChange={(checked) => setValue('resourceServer', checked === true)}
                  >
                    {formatMessage({
                      id: 'refreshing.clientForm.resourceServer',
                      defaultMessage: 'Resource server: may introspect the tokens of every client (confidential clients only)',
                    })}
                  </Checkbox>
                  <Checkbox
                    name="enabled"
                    checked={values.enabled}
                    onCheckedChange={(checked) => setValue('enabled', checked === true)}
                  >
                    {formatMessage({ id: 'refreshing.clientForm.enabled', defaultMessage: 'Enabled: the client may get tokens' })}
                  </Checkbox>
                </Flex>
              </Grid.Item>
            </Grid.Root>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{formatMessage({ id: 'refreshing.action.cancel', defaultMessage: 'Cancel' })}</Button>
            </Modal.Close>
            <Button type="submit" loading={isSubmitting}>
              {isCreating
                ? formatMessage({ id: 'refreshing.clientForm.create', defaultMessage: 'Create client' })
                : formatMessage({ id: 'refreshing.action.save', defaultMessage: 'Save' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
