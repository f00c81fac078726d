import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import hearth from './vite.config.ts';

/**
 * The district console: the renderer's second entry (renderer/console.html), sharing its UI
 * toolkit and catalogs, built beside the compiled server, which serves it at /console/.
 */
export default defineConfig({
  ...hearth,
  base: '/console/',
  build: {
    ...hearth.build,
    outDir: '../dist-server/console',
    // One chunk of about 530 kB (zod and react-dom are most of it; 150 kB gzipped): the
    // benchmark's console_js_gzip_kb watches it, so Vite's general warning need not.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      ...hearth.build?.rolldownOptions,
      input: fileURLToPath(new URL('./renderer/console.html', import.meta.url)),
    },
  },
});
