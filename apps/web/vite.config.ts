import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The dev server forwards the API's paths here; API_URL points it at another port.
const api = process.env.API_URL ?? 'http://localhost:3000';

// Built into dist/web, which the API serves at `/`; in development Vite serves the app
// and forwards the API's own paths to a running API.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/graphql': api, '/reports': api, '/certificates': api },
  },
});
