import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// The Node and Chromium inside each Electron line this project has pinned, as build targets.
// electron-vite 6's own table ends at Electron 44 and silently falls back to its last entry, so
// they are stated here and an Electron missing from the table stops the build. Electron 45 ships
// Node 24 (no older than 24.18, which Electron 43.1 moved to) and a Chromium no older than 152
// (Electron 44's): targets may be lower than the runtime, never higher.
const ELECTRON_STACK: Record<string, { node: string; chrome: string }> = {
  '45': { node: 'node24.18', chrome: 'chrome152' },
};
const electronVersion = (
  JSON.parse(readFileSync(resolve('node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const stack = ELECTRON_STACK[electronVersion.split('.')[0] ?? ''];
if (!stack)
  throw new Error(`electron.vite.config.ts: add Electron ${electronVersion}'s Node and Chromium to ELECTRON_STACK`);

// Main and preload run in Node/Electron; the renderer is a plain web page with a strict CSP.
export default defineConfig({
  main: {
    build: {
      target: stack.node,
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      target: stack.node,
      // A sandboxed preload can require only 'electron': bundle everything else into the file.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // Sandboxed preloads cannot use ESM imports: one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      target: stack.chrome,
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
    plugins: [
      react(),
      // Only for `npm start`: Vite's dev server injects <style> tags and talks over a websocket.
      // The production build keeps index.html's strict policy unchanged.
      {
        name: 'dev-server-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("connect-src 'none'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
      },
    ],
  },
});
