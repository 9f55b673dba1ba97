import * as React from 'react';

import { useFetchClient } from '@strapi/strapi/admin';

import type { Settings, SettingsResponse } from '../types';

import { useFetchData } from './useFetchData';

/** Loads the token and rate-limit settings in force and the config-file defaults beside them. */
export function useSettings(enabled: boolean) {
  const { put } = useFetchClient();
  const { data, error, isLoading, refetch } = useFetchData<SettingsResponse>('/refreshing/settings', {}, enabled);

  const save = React.useCallback(
    async (settings: Settings): Promise<Settings> => {
      const response = await put<{ data: Settings }>('/refreshing/settings', settings);
      return response.data.data;
    },
    [put],
  );

  return { settings: data?.data, defaults: data?.defaults, error, isLoading, refetch, save };
}
