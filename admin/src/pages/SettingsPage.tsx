import * as React from 'react';

import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { ConfirmActionDialog } from '../components/ConfirmActionDialog';
import { RateLimitFields } from '../components/RateLimitFields';
import { TokenSettingsFields } from '../components/TokenSettingsFields';
import { useRequestFeedback } from '../hooks/useRequestFeedback';
import { useSettings } from '../hooks/useSettings';
import { PERMISSIONS } from '../permissions';
import type { RateLimitName, Settings } from '../types';
import {
  toSettings,
  validateSettingsForm,
  type SettingsFormErrors,
  type SettingsFormValues,
  type TokenSettingName,
} from '../utils/settingsForm';

export const SettingsPage = () => {
  const { formatMessage } = useIntl();
  const { notifyError, notifySuccess, notifyWarning } = useRequestFeedback();
  const { allowedActions } = useRBAC(PERMISSIONS.updateSettings);
  const canUpdate = Boolean(allowedActions.canUpdate);
  const { settings, defaults, error, isLoading, save, reset } = useSettings(true);

  const [values, setValues] = React.useState<SettingsFormValues | null>(null);
  const [errors, setErrors] = React.useState<SettingsFormErrors>({});
  const [isSaving, setIsSaving] = React.useState(false);
  const [isConfirmingReset, setIsConfirmingReset] = React.useState(false);
  // Raised by a reset to mount the inputs again, because the design system's NumberInput keeps
  // the text typed into it and would ignore the defaults passed as its new value.
  const [fieldsRevision, setFieldsRevision] = React.useState(0);

  React.useEffect(() => {
    if (settings) {
      setValues(settings);
    }
  }, [settings]);

  if (isLoading || (settings && !values)) {
    return <Page.Loading />;
  }
  if (error || !values || !defaults) {
    return <Page.Error />;
  }

  const changeTokenSetting = (name: TokenSettingName, value: number | undefined) =>
    setValues({ ...values, [name]: value });

  const changeRateLimit = (name: RateLimitName, field: 'points' | 'duration', value: number | undefined) =>
    setValues({ ...values, rateLimits: { ...values.rateLimits, [name]: { ...values.rateLimits[name], [field]: value } } });

  const handleSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextErrors = validateSettingsForm(values);
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) {
      notifyWarning(formatMessage({ id: 'refreshing.settings.invalid', defaultMessage: 'Correct the marked fields, then save again.' }));
      return;
    }

    setIsSaving(true);
    try {
      const saved: Settings = await save(toSettings(values));
      setValues(saved);
      notifySuccess(formatMessage({ id: 'refreshing.settings.saved', defaultMessage: 'Settings saved.' }));
    } catch (requestError) {
      notifyError(requestError);
    } finally {
      setIsSaving(false);
    }
  };

  const resetToDefaults = async () => {
    setIsConfirmingReset(false);
    setIsSaving(true);
    try {
      const defaultsInForce: Settings = await reset();
      setValues(defaultsInForce);
      setErrors({});
      setFieldsRevision((revision) => revision + 1);
      notifySuccess(formatMessage({ id: 'refreshing.settings.resetDone', defaultMessage: 'The default settings apply again.' }));
    } catch (requestError) {
      notifyError(requestError);
    } finally {
      setIsSaving(false);
    }
  };

  const resetConfirmation = isConfirmingReset
    ? {
        title: formatMessage({ id: 'refreshing.settings.resetTitle', defaultMessage: 'Reset to defaults?' }),
        body: formatMessage({
          id: 'refreshing.settings.resetBody',
          defaultMessage:
            'The saved settings are deleted and every field returns to its default. The defaults apply to the next request on this Strapi instance, and within 15 seconds on other instances.',
        }),
      }
    : null;

  const section = (title: string, description: string, content: React.ReactNode) => (
    <Box background="neutral0" hasRadius shadow="filterShadow" paddingTop={6} paddingBottom={6} paddingLeft={7} paddingRight={7}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="delta" tag="h2">
            {title}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {description}
          </Typography>
        </Flex>
        {content}
      </Flex>
    </Box>
  );

  return (
    <Page.Main aria-busy={isSaving}>
      <Page.Title>{formatMessage({ id: 'refreshing.settings.pageTitle', defaultMessage: 'OAuth settings' })}</Page.Title>
      <form onSubmit={handleSubmit} noValidate>
        <Layouts.Header
          title={formatMessage({ id: 'refreshing.settings.title', defaultMessage: 'Settings' })}
          subtitle={formatMessage({
            id: 'refreshing.settings.subtitle',
            defaultMessage: 'Token lifetimes and brute-force limits. Saved values take precedence over the defaults from the config file or the plugin.',
          })}
          primaryAction={
            <Flex gap={2}>
              <Button
                variant="tertiary"
                startIcon={<ArrowClockwise />}
                disabled={!canUpdate || isSaving}
                onClick={() => setIsConfirmingReset(true)}
              >
                {formatMessage({ id: 'refreshing.settings.reset', defaultMessage: 'Reset to defaults' })}
              </Button>
              <Button type="submit" startIcon={<Check />} loading={isSaving} disabled={!canUpdate}>
                {formatMessage({ id: 'refreshing.action.save', defaultMessage: 'Save' })}
              </Button>
            </Flex>
          }
        />
        <Layouts.Content>
          <Flex key={fieldsRevision} direction="column" alignItems="stretch" gap={6}>
            {section(
              formatMessage({ id: 'refreshing.settings.tokens', defaultMessage: 'Tokens' }),
              formatMessage({
                id: 'refreshing.settings.tokensDescription',
                defaultMessage: 'A client with its own lifetimes keeps them. New values apply to tokens issued from now on.',
              }),
              <TokenSettingsFields values={values} defaults={defaults} errors={errors} disabled={!canUpdate} onChange={changeTokenSetting} />,
            )}
            {section(
              formatMessage({ id: 'refreshing.settings.rateLimits', defaultMessage: 'Rate limits' }),
              formatMessage({
                id: 'refreshing.settings.rateLimitsDescription',
                defaultMessage: 'After this many failures within the period, the token endpoint returns 429 Too Many Requests until the period ends.',
              }),
              <RateLimitFields values={values} defaults={defaults} errors={errors} disabled={!canUpdate} onChange={changeRateLimit} />,
            )}
          </Flex>
        </Layouts.Content>
      </form>
      <ConfirmActionDialog
        confirmation={resetConfirmation}
        onConfirm={resetToDefaults}
        onClose={() => setIsConfirmingReset(false)}
      />
    </Page.Main>
  );
};

export const ProtectedSettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.readSettings}>
    <SettingsPage />
  </Page.Protect>
);
