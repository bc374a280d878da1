import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../ui/api';

/** Called when the API says the session is gone (signed out elsewhere, expired). */
let onSignedOut: () => void = () => {};
export function setSignedOutHandler(fn: () => void) {
  onSignedOut = fn;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isApiError(error, 401) && query.queryKey[0] !== 'setup') onSignedOut();
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors (not found, no access) will not change on a retry.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
