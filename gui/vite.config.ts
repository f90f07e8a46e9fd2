import { defineConfig } from 'vite';

// `npm run dev -w @faces/gui`: the app with hot reload; /face and /config.json go to a faces-gui
// (or `faces all`) on FACES_GUI_URL, default http://127.0.0.1:8080.
const gui = process.env.FACES_GUI_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // Relative asset URLs: the page works at / and under a path prefix.
  base: './',
  // gui/tsconfig.json is only the solution file: tell esbuild the app's decorator settings.
  esbuild: {
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    target: 'es2022',
    // No inline modulepreload polyfill: the CSP allows no inline script.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/face': gui, '/config.json': gui },
  },
});
