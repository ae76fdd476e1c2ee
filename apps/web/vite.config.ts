import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

// In development the API and the websocket live on the server (pnpm --filter @fdr/server dev).
const server = process.env.FDR_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/sync': { target: server, ws: true },
    },
  },
  build: {
    sourcemap: true,
    // Every asset is a file of our own origin: a data: URL would be blocked when fetched (CSP
    // connect-src 'self'), e.g. a small translation file of tldraw.
    assetsInlineLimit: 0,
  },
});
