#!/usr/bin/env node
// `node scripts/release-versions.mjs v0.1.0`: exits 1, listing each disagreement, unless the tag,
// package.json, charts/faces/Chart.yaml (version and appVersion) and every image tag in the
// manifests and compose name the same version. Node alone (the release runs it before npm ci).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const read = (path) => readFileSync(join(root, path), 'utf8');
const IMAGE = 'ghcr.io/faces-demo/faces';

export function releaseVersions(tag) {
  const found = [];
  const add = (where, version) => found.push({ where, version });
  add('the tag', /^v(.+)$/.exec(tag ?? '')?.[1] ?? `(not v<version>: ${tag})`);
  add('package.json version', JSON.parse(read('package.json')).version);
  const chart = read('charts/faces/Chart.yaml');
  add('Chart.yaml version', /^version:\s*"?([^"\s]+)"?\s*$/m.exec(chart)?.[1] ?? '(missing)');
  add('Chart.yaml appVersion', /^appVersion:\s*"?([^"\s]+)"?\s*$/m.exec(chart)?.[1] ?? '(missing)');
  const manifests = [
    ...readdirSync(join(root, 'k8s/01-base')).map((f) => `k8s/01-base/${f}`),
    ...readdirSync(join(root, 'k8s/loadtester')).map((f) => `k8s/loadtester/${f}`),
    'docker-compose.yaml',
  ].filter((f) => /\.ya?ml$/.test(f));
  for (const file of manifests) {
    const text = read(file);
    for (const match of text.matchAll(new RegExp(`${IMAGE.replaceAll('.', '\\.')}:([^\\s"']+)`, 'g'))) {
      add(`${file} image`, match[1]);
    }
    for (const match of text.matchAll(/^\s*newTag:\s*"?([^"\s]+)"?\s*$/gm)) add(`${file} newTag`, match[1]);
  }
  const expected = found[0].version;
  return { expected, disagreements: found.filter((f) => f.version !== expected) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { expected, disagreements } = releaseVersions(process.argv[2]);
  if (disagreements.length > 0) {
    for (const d of disagreements)
      console.error(`release-versions: ${d.where} is ${d.version}, the tag says ${expected}`);
    process.exit(1);
  }
  console.log(`release-versions: ${expected} everywhere`);
}
