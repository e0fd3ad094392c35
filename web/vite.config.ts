import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where the API listens in development (`pnpm dev` starts it on 3000).
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Route pages are lazy chunks; the entry holds only the shell (see src/app/router.tsx).
    chunkSizeWarningLimit: 700,
  },
});
