import * as React from 'react';

import { isFetchError, useAPIErrorHandler, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

/** Shows the outcome of an admin API request, or of a form check before it, as a notification. */
export function useRequestFeedback() {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();

  const errorMessage = React.useCallback(
    (error: unknown) =>
      isFetchError(error)
        ? formatAPIError(error)
        : formatMessage({ id: 'refreshing.notification.requestFailed', defaultMessage: 'The request failed. Try again.' }),
    [formatAPIError, formatMessage],
  );

  const notifyError = React.useCallback(
    (error: unknown) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
    [errorMessage, toggleNotification],
  );

  const notifySuccess = React.useCallback(
    (message: string) => toggleNotification({ type: 'success', message }),
    [toggleNotification],
  );

  const notifyWarning = React.useCallback(
    (message: string) => toggleNotification({ type: 'warning', message }),
    [toggleNotification],
  );

  return { errorMessage, notifyError, notifySuccess, notifyWarning };
}
