import { Grid, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { useFormatDuration } from '../hooks/useFormatDuration';
import { RATE_LIMIT_NAMES, type RateLimitName, type Settings } from '../types';
import type { SettingsFormErrors, SettingsFormValues } from '../utils/settingsForm';

import { IntegerField } from './IntegerField';

const TITLES: Record<RateLimitName, MessageDescriptor> = {
  passwordPerIdentifier: {
    id: 'refreshing.settings.passwordPerIdentifier',
    defaultMessage: 'Failed password grants per username or email',
  },
  passwordPerIp: { id: 'refreshing.settings.passwordPerIp', defaultMessage: 'Failed password grants per IP address' },
  clientAuthenticationPerClient: {
    id: 'refreshing.settings.clientAuthenticationPerClient',
    defaultMessage: 'Failed client authentications per client',
  },
};

interface RateLimitFieldsProps {
  values: SettingsFormValues;
  defaults: Settings;
  errors: SettingsFormErrors;
  disabled: boolean;
  onChange: (name: RateLimitName, field: 'points' | 'duration', value: number | undefined) => void;
}

/** For each rate limit, how many failures are allowed within how many seconds. */
export const RateLimitFields = ({ values, defaults, errors, disabled, onChange }: RateLimitFieldsProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const formatDuration = useFormatDuration();

  const errorText = (path: string) => (errors[path] ? formatMessage(errors[path]) : undefined);

  return (
    <Grid.Root gap={5}>
      {RATE_LIMIT_NAMES.map((name) => [
        <Grid.Item key={`${name}-title`} col={12} direction="column" alignItems="stretch">
          <Typography variant="omega" fontWeight="bold">
            {formatMessage(TITLES[name])}
          </Typography>
        </Grid.Item>,
        <Grid.Item key={`${name}-points`} col={6} s={12} direction="column" alignItems="stretch">
          <IntegerField
            name={`rateLimits.${name}.points`}
            label={formatMessage({ id: 'refreshing.settings.points', defaultMessage: 'Failures allowed' })}
            hint={formatMessage(
              { id: 'refreshing.settings.pointsDefaultHint', defaultMessage: 'Default: {value}' },
              { value: formatNumber(defaults.rateLimits[name].points) },
            )}
            error={errorText(`rateLimits.${name}.points`)}
            value={values.rateLimits[name].points}
            onChange={(value) => onChange(name, 'points', value)}
            disabled={disabled}
            required
          />
        </Grid.Item>,
        <Grid.Item key={`${name}-duration`} col={6} s={12} direction="column" alignItems="stretch">
          <IntegerField
            name={`rateLimits.${name}.duration`}
            label={formatMessage({ id: 'refreshing.settings.duration', defaultMessage: 'Within (seconds)' })}
            hint={formatMessage(
              { id: 'refreshing.settings.defaultHint', defaultMessage: 'Default: {value} ({duration})' },
              {
                value: formatNumber(defaults.rateLimits[name].duration),
                duration: formatDuration(defaults.rateLimits[name].duration),
              },
            )}
            error={errorText(`rateLimits.${name}.duration`)}
            value={values.rateLimits[name].duration}
            onChange={(value) => onChange(name, 'duration', value)}
            disabled={disabled}
            required
          />
        </Grid.Item>,
      ])}
    </Grid.Root>
  );
};
