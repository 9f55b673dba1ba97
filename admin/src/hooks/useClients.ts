import * as React from 'react';

import { useFetchClient } from '@strapi/strapi/admin';

import type { ClientInput, ClientSecretResponse, ClientUpdate, ClientView, RevokeResponse } from '../types';

import { useFetchData } from './useFetchData';

/** Loads the registered clients; `enabled` is false while the admin may not read them. */
export function useClients(enabled: boolean) {
  const { data, error, isLoading, refetch } = useFetchData<{ data: ClientView[] }>('/refreshing/clients', {}, enabled);

  return { clients: data?.data ?? [], error, isLoading, refetch };
}

/** Provides the changes of the Clients page, each one admin API request that throws on failure. */
export function useClientActions() {
  const { post, put, del } = useFetchClient();

  return React.useMemo(
    () => ({
      async create(input: ClientInput): Promise<ClientSecretResponse> {
        const response = await post<ClientSecretResponse>('/refreshing/clients', input);
        return response.data;
      },

      async update(id: number, input: Partial<ClientUpdate>): Promise<ClientView> {
        const response = await put<{ data: ClientView }>(`/refreshing/clients/${id}`, input);
        return response.data.data;
      },

      async rotateSecret(id: number): Promise<ClientSecretResponse> {
        const response = await post<ClientSecretResponse>(`/refreshing/clients/${id}/rotate-secret`);
        return response.data;
      },

      async remove(id: number): Promise<void> {
        await del(`/refreshing/clients/${id}`);
      },

      async revokeSessions(id: number): Promise<number> {
        const response = await post<RevokeResponse>(`/refreshing/clients/${id}/sessions/revoke`);
        return response.data.data.revoked;
      },
    }),
    [post, put, del],
  );
}
