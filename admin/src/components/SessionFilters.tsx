import * as React from 'react';

import { Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ClientView } from '../types';

export interface SessionFilterValues {
  userId?: string;
  clientId?: string;
}

interface SessionFiltersProps {
  filters: SessionFilterValues;
  /** The registered clients; empty when the admin may not read clients, and then the client filter is a text field. */
  clients: ClientView[];
  onChange: (filters: SessionFilterValues) => void;
}

/** Filters the session list by users-permissions user id and by OAuth client_id. */
export const SessionFilters = ({ filters, clients, onChange }: SessionFiltersProps) => {
  const { formatMessage } = useIntl();
  const [userId, setUserId] = React.useState(filters.userId ?? '');
  const [clientId, setClientId] = React.useState(filters.clientId ?? '');

  React.useEffect(() => {
    setUserId(filters.userId ?? '');
    setClientId(filters.clientId ?? '');
  }, [filters.userId, filters.clientId]);

  const userIdIsValid = userId === '' || /^[1-9][0-9]*$/.test(userId);

  const apply = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (userIdIsValid) {
      onChange({ userId: userId || undefined, clientId: clientId || undefined });
    }
  };

  const clientLabel = formatMessage({ id: 'refreshing.sessions.filterClient', defaultMessage: 'Client' });

  return (
    <form onSubmit={apply}>
      <Flex gap={4} alignItems="start" wrap="wrap">
        <Field.Root
          name="userId"
          hint={formatMessage({
            id: 'refreshing.sessions.filterUserHint',
            defaultMessage: 'A numeric ID, such as 12. Or select a username in the list.',
          })}
          error={
            userIdIsValid
              ? undefined
              : formatMessage({ id: 'refreshing.sessions.userIdInvalid', defaultMessage: 'Enter a user id, a whole number.' })
          }
        >
          <Field.Label>{formatMessage({ id: 'refreshing.sessions.filterUser', defaultMessage: 'User ID' })}</Field.Label>
          <TextInput value={userId} inputMode="numeric" onChange={(event) => setUserId(event.target.value.trim())} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        <Field.Root name="clientId">
          <Field.Label>{clientLabel}</Field.Label>
          {clients.length > 0 ? (
            <SingleSelect
              value={clientId}
              onChange={(value) => setClientId(String(value))}
              onClear={() => setClientId('')}
              clearLabel={formatMessage({ id: 'refreshing.sessions.clearClient', defaultMessage: 'Any client' })}
              placeholder={formatMessage({ id: 'refreshing.sessions.anyClient', defaultMessage: 'Any client' })}
            >
              {clients.map((client) => (
                <SingleSelectOption key={client.id} value={client.clientId}>
                  {`${client.name} (${client.clientId})`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          ) : (
            <TextInput value={clientId} onChange={(event) => setClientId(event.target.value)} />
          )}
        </Field.Root>
        {/* Moves the buttons down by the height of a field label, to the middle of the inputs. */}
        <Flex gap={4} paddingTop={6}>
          <Button type="submit" variant="secondary">
            {formatMessage({ id: 'refreshing.sessions.applyFilters', defaultMessage: 'Apply filters' })}
          </Button>
          {(filters.userId || filters.clientId) && (
            <Button variant="tertiary" onClick={() => onChange({})}>
              {formatMessage({ id: 'refreshing.sessions.clearFilters', defaultMessage: 'Clear filters' })}
            </Button>
          )}
        </Flex>
      </Flex>
    </form>
  );
};
