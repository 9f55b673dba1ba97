import { Grid } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { useFormatDuration } from '../hooks/useFormatDuration';
import type { ClientFormValues } from '../utils/clientForm';

import { IntegerField } from './IntegerField';

type LifetimeName = 'accessTokenLifetime' | 'refreshTokenLifetime' | 'refreshTokenIdleLifetime';

const LABELS: Record<LifetimeName, MessageDescriptor> = {
  accessTokenLifetime: { id: 'refreshing.clientForm.accessTokenLifetime', defaultMessage: 'Access token lifetime' },
  refreshTokenLifetime: { id: 'refreshing.clientForm.refreshTokenLifetime', defaultMessage: 'Refresh token lifetime' },
  refreshTokenIdleLifetime: { id: 'refreshing.clientForm.refreshTokenIdleLifetime', defaultMessage: 'Idle lifetime' },
};

interface ClientLifetimeFieldsProps {
  values: ClientFormValues;
  errorText: (name: LifetimeName) => string | undefined;
  onChange: (name: LifetimeName, value: number | undefined) => void;
}

/** Renders the per-client lifetime overrides; each hint shows the value as a duration. */
export const ClientLifetimeFields = ({ values, errorText, onChange }: ClientLifetimeFieldsProps) => {
  const { formatMessage } = useIntl();
  const formatDuration = useFormatDuration();

  const emptyHint = formatMessage({
    id: 'refreshing.clientForm.lifetimeHint',
    defaultMessage: 'Seconds. Leave it empty to use the plugin setting.',
  });

  return (
    <>
      {(Object.keys(LABELS) as LifetimeName[]).map((name) => {
        const value = values[name];
        return (
          <Grid.Item key={name} col={4} s={12} direction="column" alignItems="stretch">
            <IntegerField
              name={name}
              label={formatMessage(LABELS[name])}
              hint={value === undefined ? emptyHint : formatDuration(value)}
              error={errorText(name)}
              value={value}
              onChange={(next) => onChange(name, next)}
            />
          </Grid.Item>
        );
      })}
    </>
  );
};
