#!/usr/bin/env node
// Writes charts/faces/values.schema.json from the services' own rules (test/helpers/chart-schema.ts).
// Run after `npm run build`; test/static/chart-schema-sync.test.ts fails until the file is rewritten.
import { writeFileSync } from 'node:fs';
import { chartSchema } from '../test/dist/helpers/chart-schema.js';

const path = new URL('../charts/faces/values.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(chartSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
