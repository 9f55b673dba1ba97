import type { MessageDescriptor } from 'react-intl';

import type { ClientInput, ClientType, ClientUpdate, ClientView } from '../types';

import { isClientId, isNonNegativeInteger, isPositiveInteger, isScopeToken, splitScopes } from './validation';

// The grant types the server implements, in the order the form lists them.
export const GRANT_TYPES = ['password', 'refresh_token'] as const;

export interface ClientFormValues {
  name: string;
  clientId: string;
  clientType: ClientType;
  grants: string[];
  scopes: string;
  accessTokenLifetime: number | undefined;
  refreshTokenLifetime: number | undefined;
  refreshTokenIdleLifetime: number | undefined;
  resourceServer: boolean;
  enabled: boolean;
}

export type ClientFormErrors = Partial<Record<keyof ClientFormValues, MessageDescriptor>>;

export function initialClientFormValues(client?: ClientView): ClientFormValues {
  if (!client) {
    return {
      name: '',
      clientId: '',
      clientType: 'confidential',
      grants: [...GRANT_TYPES],
      scopes: '',
      accessTokenLifetime: undefined,
      refreshTokenLifetime: undefined,
      refreshTokenIdleLifetime: undefined,
      resourceServer: false,
      enabled: true,
    };
  }

  return {
    name: client.name,
    clientId: client.clientId,
    clientType: client.clientType,
    grants: [...client.grants],
    scopes: client.scopes.join(' '),
    accessTokenLifetime: client.accessTokenLifetime ?? undefined,
    refreshTokenLifetime: client.refreshTokenLifetime ?? undefined,
    refreshTokenIdleLifetime: client.refreshTokenIdleLifetime ?? undefined,
    resourceServer: client.resourceServer,
    enabled: client.enabled,
  };
}

const positiveSeconds: MessageDescriptor = {
  id: 'refreshing.validation.positiveSeconds',
  defaultMessage: 'Enter a whole number of seconds greater than 0, or leave it empty to use the plugin setting.',
};

/** Checks the form as the server's config schema checks a declared client. */
export function validateClientForm(values: ClientFormValues, isCreating: boolean): ClientFormErrors {
  const errors: ClientFormErrors = {};

  if (values.name.trim().length === 0 || values.name.length > 255) {
    errors.name = { id: 'refreshing.validation.name', defaultMessage: 'Enter a name of 1 to 255 characters.' };
  }

  if (isCreating && values.clientId.length > 0 && !isClientId(values.clientId)) {
    errors.clientId = {
      id: 'refreshing.validation.clientId',
      defaultMessage: 'Use at most 255 printable ASCII characters, or leave it empty to generate an id.',
    };
  }

  if (!splitScopes(values.scopes).every(isScopeToken)) {
    errors.scopes = {
      id: 'refreshing.validation.scopes',
      defaultMessage: 'Separate scopes with spaces. A scope may not contain quotes or backslashes.',
    };
  }

  if (values.accessTokenLifetime !== undefined && !isPositiveInteger(values.accessTokenLifetime)) {
    errors.accessTokenLifetime = positiveSeconds;
  }
  if (values.refreshTokenLifetime !== undefined && !isPositiveInteger(values.refreshTokenLifetime)) {
    errors.refreshTokenLifetime = positiveSeconds;
  }
  if (values.refreshTokenIdleLifetime !== undefined && !isNonNegativeInteger(values.refreshTokenIdleLifetime)) {
    errors.refreshTokenIdleLifetime = {
      id: 'refreshing.validation.idleSeconds',
      defaultMessage: 'Enter a whole number of seconds, 0 to turn idle expiry off, or leave it empty to use the plugin setting.',
    };
  }

  return errors;
}

/**
 * Builds the body of `PUT /refreshing/clients/:id`. An empty lifetime is sent as null, so that
 * the client falls back to the plugin default.
 */
export function toClientUpdate(values: ClientFormValues): ClientUpdate {
  return {
    name: values.name.trim(),
    grants: GRANT_TYPES.filter((grant) => values.grants.includes(grant)),
    scopes: splitScopes(values.scopes),
    accessTokenLifetime: values.accessTokenLifetime ?? null,
    refreshTokenLifetime: values.refreshTokenLifetime ?? null,
    refreshTokenIdleLifetime: values.refreshTokenIdleLifetime ?? null,
    // RFC 7662 introspection needs client authentication, so only a confidential client can use it.
    resourceServer: values.clientType === 'confidential' && values.resourceServer,
    enabled: values.enabled,
  };
}

/** Builds the body of `POST /refreshing/clients`; an empty client id lets the server generate one. */
export function toClientInput(values: ClientFormValues): ClientInput {
  const input: ClientInput = { ...toClientUpdate(values), clientType: values.clientType };
  if (values.clientId.length > 0) {
    input.clientId = values.clientId;
  }
  return input;
}
