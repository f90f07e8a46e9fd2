#!/usr/bin/env node
console.error('bench: not built yet (see the benchmarks issue)');
process.exit(2);
