// The Dockerfile and .dockerignore, checked without Docker: dockerfile-utils' linter, our image
// rules (test/helpers/dockerfile.ts), and a build context that holds what the build needs.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { RUNTIME_NODE_OPTIONS, readKitConfig } from '@faces/kit';
import { imageRules, lint } from '../helpers/dockerfile.js';
import { ignoreRules } from '../helpers/ignore-rules.js';
import { readRepoFile } from '../helpers/repo.js';

const dockerfile = readRepoFile('Dockerfile');
const port = readKitConfig({}, 'smiley').port;
const ignored = ignoreRules(readRepoFile('.dockerignore'));

test('the Dockerfile passes the dockerfile-utils linter with every check as an error', () => {
  assert.deepEqual(lint(dockerfile), []);
});

test("the Dockerfile follows our image rules (LTS slim base, npm ci, staged runtime, non-root, EXPOSE the kit's port, healthcheck)", () => {
  assert.deepEqual(imageRules(dockerfile, port), []);
});

const LINT_BREAKS: { name: string; from: string; to: string }[] = [
  { name: 'a port that is not a number', from: 'EXPOSE 8000', to: 'EXPOSE http' },
  { name: 'a healthcheck interval without a unit', from: '--interval=10s', to: '--interval=10' },
  { name: 'an unknown COPY flag', from: 'COPY --from=build', to: 'COPY --form=build' },
  {
    name: 'an unknown instruction',
    from: 'RUN node scripts/stage-runtime.mjs',
    to: 'RUNN node scripts/stage-runtime.mjs',
  },
  { name: 'a relative WORKDIR', from: 'WORKDIR /src', to: 'WORKDIR src' },
];

for (const { name, from, to } of LINT_BREAKS) {
  test(`the linter reports ${name}`, () => {
    const broken = dockerfile.replace(from, to);
    assert.notEqual(broken, dockerfile, `the edit applies: ${from}`);
    assert.notDeepEqual(lint(broken), []);
  });
}

const RULE_BREAKS: { name: string; from: string | RegExp; to: string; problem: RegExp }[] = [
  { name: 'running as root', from: 'USER 1000:1000', to: 'USER root', problem: /numeric non-root user/ },
  {
    name: 'running as a named user (runAsNonRoot cannot check it)',
    from: 'USER 1000:1000',
    to: 'USER node',
    problem: /numeric/,
  },
  { name: 'no USER at all', from: 'USER 1000:1000\n', to: '', problem: /numeric non-root user/ },
  {
    name: 'installing production node_modules beside the bundle',
    from: 'RUN node scripts/stage-runtime.mjs /app && chmod',
    to: 'RUN node scripts/stage-runtime.mjs /app && npm ci --omit=dev && chmod',
    problem: /no production npm ci/,
  },
  {
    name: 'npm install instead of npm ci',
    from: 'sharing=locked npm ci --prefer-offline',
    to: 'sharing=locked npm install --prefer-offline',
    problem: /use npm ci/,
  },
  { name: 'a non-LTS Node major', from: 'ARG NODE_VERSION=26', to: 'ARG NODE_VERSION=25', problem: /LTS major/ },
  {
    name: 'a full (non-slim) base image',
    from: /(FROM node:\$\{NODE_VERSION\})-slim\n/,
    to: '$1\n',
    problem: /-slim/,
  },
  {
    name: 'copying sources into the last stage',
    from: 'COPY --from=build /app /app',
    to: 'COPY . /app',
    problem: /only the staged \/app/,
  },
  { name: 'another exposed port', from: 'EXPOSE 8000', to: 'EXPOSE 8080', problem: /expected 8000/ },
  {
    name: 'a curl healthcheck (slim has no curl)',
    from: 'CMD ["faces", "healthcheck"]',
    to: 'CMD curl -f http://localhost:8000/healthz',
    problem: /HEALTHCHECK/,
  },
  {
    name: 'an architecture-specific download',
    from: 'RUN npm run build',
    to: 'RUN npm run build && curl -o x https://e.example/x-linux-amd64',
    problem: /architecture-specific/,
  },
  {
    name: 'a single-stage build',
    from: /FROM node:\$\{NODE_VERSION\}-slim AS build[\s\S]*?\nFROM/,
    to: 'FROM',
    problem: /multi-stage/,
  },
];

for (const { name, from, to, problem } of RULE_BREAKS) {
  test(`our image rules report ${name}`, () => {
    const broken = dockerfile.replace(from, to);
    assert.notEqual(broken, dockerfile, `the edit applies: ${from}`);
    const problems = imageRules(broken, port);
    assert.ok(
      problems.some((p) => problem.test(p)),
      JSON.stringify(problems),
    );
  });
}

const CONTEXT: { path: string; sent: boolean }[] = [
  { path: 'package.json', sent: true },
  { path: 'package-lock.json', sent: true },
  { path: '.npmrc', sent: true },
  { path: 'tsconfig.json', sent: true },
  { path: 'tsconfig.base.json', sent: true },
  { path: 'scripts/stage-runtime.mjs', sent: true },
  { path: 'services/kit/src/index.ts', sent: true },
  { path: 'services/cli/package.json', sent: true },
  { path: 'test/tsconfig.json', sent: true },
  { path: 'node_modules/fastify/package.json', sent: false },
  { path: 'services/kit/node_modules/x/index.js', sent: false },
  { path: 'services/kit/dist/index.js', sent: false },
  { path: 'services/kit/dist', sent: false },
  { path: 'test/dist/.tsbuildinfo', sent: false },
  { path: '.git/HEAD', sent: false },
  { path: '.tools/kubectl-v33-2.2.2/kubectl', sent: false },
  { path: 'k8s/01-base/faces.yaml', sent: false },
  { path: 'distribution/notes.md', sent: true },
];

for (const { path, sent } of CONTEXT) {
  test(`.dockerignore ${sent ? 'sends' : 'keeps out'} ${path}`, () => {
    assert.equal(ignored(path), !sent);
  });
}

/** NODE_OPTIONS as the runtime stage (after the last FROM) sets it, or undefined. */
function runtimeNodeOptions(text: string): string | undefined {
  const runtime = text.slice(text.lastIndexOf('\nFROM '));
  return /\bNODE_OPTIONS="([^"]*)"/.exec(runtime)?.[1];
}

test('the image runs the services with the Node flags the kit names (RUNTIME_NODE_OPTIONS)', () => {
  assert.equal(runtimeNodeOptions(dockerfile), RUNTIME_NODE_OPTIONS);
  const drifted = dockerfile.replace(RUNTIME_NODE_OPTIONS, '--max-semi-space-size=16');
  assert.notEqual(drifted, dockerfile);
  assert.notEqual(runtimeNodeOptions(drifted), RUNTIME_NODE_OPTIONS);
});
