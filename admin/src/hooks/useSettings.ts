import * as React from 'react';

import { useFetchClient } from '@strapi/strapi/admin';

import type { Settings, SettingsResponse } from '../types';

import { useFetchData } from './useFetchData';

/**
 * Loads the token and rate-limit settings in force and the defaults beside them: the config
 * file's values, or the plugin's own where the file sets none.
 */
export function useSettings(enabled: boolean) {
  const { put, del } = useFetchClient();
  const { data, error, isLoading, refetch } = useFetchData<SettingsResponse>('/refreshing/settings', {}, enabled);

  const save = React.useCallback(
    async (settings: Settings): Promise<Settings> => {
      const response = await put<{ data: Settings }>('/refreshing/settings', settings);
      return response.data.data;
    },
    [put],
  );

  // Deletes the saved settings and returns the defaults, which then apply.
  const reset = React.useCallback(async (): Promise<Settings> => {
    const response = await del<{ data: Settings }>('/refreshing/settings');
    return response.data.data;
  }, [del]);

  return { settings: data?.data, defaults: data?.defaults, error, isLoading, refetch, save, reset };
}
