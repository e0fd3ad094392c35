import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './app/app.css';
import './app/i18n.ts';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient, Providers } from './app/providers.tsx';
import { createAppRouter } from './app/router.tsx';
import { FullPageLoader } from './components/full-page-loader.tsx';
import { restoreSession } from './lib/api-client.ts';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

/** Restores the session from the refresh cookie before any protected route decides where to go. */
function App() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void restoreSession().finally(() => setReady(true));
  }, []);
  return ready ? <RouterProvider router={router} /> : <FullPageLoader />;
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');
createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <App />
    </Providers>
  </StrictMode>,
);
