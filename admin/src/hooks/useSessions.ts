import * as React from 'react';

import { useFetchClient } from '@strapi/strapi/admin';

import type { RevokeResponse, SessionsResponse } from '../types';

import { useFetchData } from './useFetchData';

export interface SessionQuery {
  page: number;
  pageSize: number;
  userId?: string;
  clientId?: string;
}

/** Loads one page of active sessions, filtered by user id and OAuth `client_id` when given. */
export function useSessions(query: SessionQuery, enabled: boolean) {
  const { data, error, isLoading, refetch } = useFetchData<SessionsResponse>('/refreshing/sessions', { ...query }, enabled);

  return {
    sessions: data?.data ?? [],
    pagination: data?.meta.pagination,
    error,
    isLoading,
    refetch,
  };
}

/** Provides the three revocations of the Sessions page. Each returns how many sessions ended. */
export function useSessionActions() {
  const { post } = useFetchClient();

  return React.useMemo(() => {
    const revoke = async (path: string) => {
      const response = await post<RevokeResponse>(path);
      return response.data.data.revoked;
    };

    return {
      revokeSession: (id: number) => revoke(`/refreshing/sessions/${id}/revoke`),
      revokeUserSessions: (userId: number) => revoke(`/refreshing/users/${userId}/sessions/revoke`),
      revokeClientSessions: (clientRecordId: number) => revoke(`/refreshing/clients/${clientRecordId}/sessions/revoke`),
    };
  }, [post]);
}
