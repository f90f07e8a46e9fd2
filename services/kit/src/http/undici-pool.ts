// undici's Pool and errors without undici's index, which also loads fetch, WebSocket, caches and
// mocks: 110 files and 124 ms against 22 files and 35 ms on the bench machine, and 8 MiB less
// resident memory in face and faces-gui. The paths are undici's internals, so
// undici-pool.test.ts checks that they are the very objects undici's index exports.
import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

export const Pool: typeof Undici.Pool = require('undici/lib/dispatcher/pool.js');
export type Pool = Undici.Pool;
export const errors: typeof Undici.errors = require('undici/lib/core/errors.js');
