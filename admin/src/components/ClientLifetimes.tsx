import { useIntl } from 'react-intl';

import { useFormatDuration } from '../hooks/useFormatDuration';
import type { ClientView } from '../types';

import { LabelledValues } from './LabelledValues';

/** Shows the three per-client lifetimes, each as a duration or as "plugin setting" when unset. */
export const ClientLifetimes = ({ client }: { client: ClientView }) => {
  const { formatMessage } = useIntl();
  const formatDuration = useFormatDuration();

  const describe = (seconds: number | null) =>
    seconds === null
      ? formatMessage({ id: 'refreshing.clients.pluginSetting', defaultMessage: 'plugin setting' })
      : formatDuration(seconds);

  return (
    <LabelledValues
      values={[
        {
          key: 'access',
          label: formatMessage({ id: 'refreshing.clients.accessLifetime', defaultMessage: 'Access' }),
          value: describe(client.accessTokenLifetime),
        },
        {
          key: 'refresh',
          label: formatMessage({ id: 'refreshing.clients.refreshLifetime', defaultMessage: 'Refresh' }),
          value: describe(client.refreshTokenLifetime),
        },
        {
          key: 'idle',
          label: formatMessage({ id: 'refreshing.clients.idleLifetime', defaultMessage: 'Idle' }),
          value: describe(client.refreshTokenIdleLifetime),
        },
      ]}
    />
  );
};
