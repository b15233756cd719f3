import { RouterProvider } from '@tanstack/react-router';
import { orgKeys } from '../features/org';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

// Only a session that was known to exist can end; a wrong password on the sign-in form is not that.
const queryClient = createQueryClient(() => {
  if (!queryClient.getQueryData(orgKeys.me)) return;
  queryClient.setQueryData(orgKeys.me, null);
  void router.invalidate();
});
const router = createAppRouter(queryClient);

export function App() {
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
