import { Grid } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { useFormatDuration } from '../hooks/useFormatDuration';
import type { Settings } from '../types';
import type { SettingsFormErrors, SettingsFormValues, TokenSettingName } from '../utils/settingsForm';

import { IntegerField } from './IntegerField';

const LABELS: Record<TokenSettingName, MessageDescriptor> = {
  accessTokenLifetime: { id: 'refreshing.settings.accessTokenLifetime', defaultMessage: 'Access token lifetime (seconds)' },
  refreshTokenLifetime: { id: 'refreshing.settings.refreshTokenLifetime', defaultMessage: 'Refresh token lifetime (seconds)' },
  refreshTokenIdleLifetime: { id: 'refreshing.settings.refreshTokenIdleLifetime', defaultMessage: 'Refresh token idle lifetime (seconds)' },
  refreshTokenReuseInterval: { id: 'refreshing.settings.refreshTokenReuseInterval', defaultMessage: 'Refresh token reuse interval (seconds)' },
};

interface TokenSettingsFieldsProps {
  values: SettingsFormValues;
  defaults: Settings;
  errors: SettingsFormErrors;
  disabled: boolean;
  onChange: (name: TokenSettingName, value: number | undefined) => void;
}

/** Renders the four token timing settings, each with its default as the hint. */
export const TokenSettingsFields = ({ values, defaults, errors, disabled, onChange }: TokenSettingsFieldsProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const formatDuration = useFormatDuration();

  return (
    <Grid.Root gap={5}>
      {(Object.keys(LABELS) as TokenSettingName[]).map((name) => (
        <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
          <IntegerField
            name={name}
            label={formatMessage(LABELS[name])}
            hint={formatMessage(
              { id: 'refreshing.settings.defaultHint', defaultMessage: 'Default: {value} ({duration})' },
              { value: formatNumber(defaults[name]), duration: formatDuration(defaults[name]) },
            )}
            error={errors[name] ? formatMessage(errors[name]) : undefined}
            value={values[name]}
            onChange={(value) => onChange(name, value)}
            disabled={disabled}
            required
          />
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
