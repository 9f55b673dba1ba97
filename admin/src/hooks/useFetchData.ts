import * as React from 'react';

import { useFetchClient } from '@strapi/strapi/admin';

interface FetchState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
}

/**
 * Sends `GET url` with the admin's credentials whenever the URL or the query parameters change,
 * and again on `refetch()`. Nothing is sent while `enabled` is false, for example while RBAC is
 * still being checked or when the admin lacks the read permission.
 */
export function useFetchData<T>(url: string, params: Record<string, string | number | undefined> = {}, enabled = true) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<FetchState<T>>({ data: undefined, error: undefined, isLoading: enabled });
  const [requestCount, setRequestCount] = React.useState(0);

  // Compared by value, so that a caller may pass a new object with the same parameters on every render.
  const paramsKey = JSON.stringify(params);

  React.useEffect(() => {
    if (!enabled) {
      setState({ data: undefined, error: undefined, isLoading: false });
      return undefined;
    }

    let current = true;
    setState((previous) => ({ ...previous, isLoading: true }));
    get<T>(url, { params: JSON.parse(paramsKey) })
      .then((response) => {
        if (current) {
          setState({ data: response.data, error: undefined, isLoading: false });
        }
      })
      .catch((error: unknown) => {
        if (current) {
          setState({ data: undefined, error, isLoading: false });
        }
      });

    return () => {
      current = false;
    };
  }, [get, url, paramsKey, enabled, requestCount]);

  const refetch = React.useCallback(() => setRequestCount((count) => count + 1), []);

  return { ...state, refetch };
}
