import type { MessageDescriptor } from 'react-intl';

import { RATE_LIMIT_NAMES, type RateLimitName, type Settings } from '../types';

import { isNonNegativeInteger, isPositiveInteger } from './validation';

/** The settings form, where a cleared input is undefined until the admin types a number. */
export interface SettingsFormValues {
  accessTokenLifetime: number | undefined;
  refreshTokenLifetime: number | undefined;
  refreshTokenIdleLifetime: number | undefined;
  refreshTokenReuseInterval: number | undefined;
  rateLimits: Record<RateLimitName, { points: number | undefined; duration: number | undefined }>;
}

export type TokenSettingName = Exclude<keyof Settings, 'rateLimits'>;

/** Field errors, keyed by the field's path such as `rateLimits.passwordPerIp.points`. */
export type SettingsFormErrors = Record<string, MessageDescriptor>;

const POSITIVE: MessageDescriptor = {
  id: 'refreshing.validation.positiveInteger',
  defaultMessage: 'Enter a whole number greater than 0.',
};

const NON_NEGATIVE: MessageDescriptor = {
  id: 'refreshing.validation.nonNegativeInteger',
  defaultMessage: 'Enter a whole number, 0 or more. 0 turns this off.',
};

/**
 * Token settings that accept 0. The server's config schema allows 0 for the idle lifetime and the
 * reuse interval, where it turns the check off, and requires the two lifetimes to be positive.
 */
export const ZERO_ALLOWED: Record<TokenSettingName, boolean> = {
  accessTokenLifetime: false,
  refreshTokenLifetime: false,
  refreshTokenIdleLifetime: true,
  refreshTokenReuseInterval: true,
};

export function validateSettingsForm(values: SettingsFormValues): SettingsFormErrors {
  const errors: SettingsFormErrors = {};

  for (const name of Object.keys(ZERO_ALLOWED) as TokenSettingName[]) {
    const valid = ZERO_ALLOWED[name] ? isNonNegativeInteger(values[name]) : isPositiveInteger(values[name]);
    if (!valid) {
      errors[name] = ZERO_ALLOWED[name] ? NON_NEGATIVE : POSITIVE;
    }
  }

  for (const name of RATE_LIMIT_NAMES) {
    if (!isPositiveInteger(values.rateLimits[name].points)) {
      errors[`rateLimits.${name}.points`] = POSITIVE;
    }
    if (!isPositiveInteger(values.rateLimits[name].duration)) {
      errors[`rateLimits.${name}.duration`] = POSITIVE;
    }
  }

  return errors;
}

/** Converts a form that `validateSettingsForm` accepted into the request body. */
export function toSettings(values: SettingsFormValues): Settings {
  const rateLimits = Object.fromEntries(
    RATE_LIMIT_NAMES.map((name) => [
      name,
      { points: Number(values.rateLimits[name].points), duration: Number(values.rateLimits[name].duration) },
    ]),
  ) as Settings['rateLimits'];

  return {
    accessTokenLifetime: Number(values.accessTokenLifetime),
    refreshTokenLifetime: Number(values.refreshTokenLifetime),
    refreshTokenIdleLifetime: Number(values.refreshTokenIdleLifetime),
    refreshTokenReuseInterval: Number(values.refreshTokenReuseInterval),
    rateLimits,
  };
}
