import { fileURLToPath } from 'node:url';

/**
 * Where `vite build` puts the app: gui/dist/app, two folders up from this file's gui/dist/node/server.
 * A module of its own because scripts/bundle.mjs replaces it: in the bundle the app sits beside
 * the chunks.
 */
export const DEFAULT_APP_ROOT = fileURLToPath(new URL('../../app/', import.meta.url));
