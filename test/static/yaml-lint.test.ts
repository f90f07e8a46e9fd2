// YAML lint for every YAML file we ship or test with: a strict parse plus our own rules
// (test/helpers/yaml-lint.ts).
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT, readRepoFile } from '../helpers/repo.js';
import { lintYaml } from '../helpers/yaml-lint.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir)).flatMap((name) => {
    const path = join(REPO_ROOT, dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(relative(REPO_ROOT, path));
    return /\.ya?ml$/.test(name) ? [relative(REPO_ROOT, path)] : [];
  });
}

const FILES = ['docker-compose.yaml', ...yamlFiles('k8s'), ...yamlFiles('test/static/fixtures')];

test('there are YAML files to lint (k8s, compose, fixtures)', () => {
  assert.ok(FILES.length >= 10, FILES.join(', '));
  assert.ok(FILES.includes('k8s/01-base/faces.yaml'));
});

for (const file of FILES) {
  test(`${file} passes the YAML lint`, () => {
    assert.deepEqual(lintYaml(readRepoFile(file), file), []);
  });
}

const NEAR_MISSES: { name: string; text: string; problem: RegExp }[] = [
  { name: 'a duplicate key', text: 'a: 1\na: 2\n', problem: /unique/i },
  {
    name: 'an unquoted yes (a boolean to Kubernetes)',
    text: 'value: yes\n',
    problem: /1\.1 and 1\.2 readers disagree/,
  },
  { name: 'an unquoted on', text: 'enabled: on\n', problem: /disagree/ },
  { name: 'an octal-looking mode', text: 'mode: 0755\n', problem: /disagree/ },
  { name: 'a sexagesimal-looking time', text: 'at: 1:30\n', problem: /disagree/ },
  { name: 'a tab', text: 'a: b\tc\n', problem: /: tab/ },
  { name: 'trailing spaces', text: 'a: b  \n', problem: /trailing whitespace/ },
  { name: 'a missing final newline', text: 'a: b', problem: /exactly one newline/ },
  { name: 'an odd indentation', text: 'a:\n   b: c\n', problem: /indentation of 3/ },
  { name: 'a stream without a leading ---', text: 'a: 1\n---\nb: 2\n', problem: /must start with ---/ },
  { name: 'a syntax error', text: 'a: [b\n', problem: /./ },
];

for (const { name, text, problem } of NEAR_MISSES) {
  test(`the YAML lint reports ${name}`, () => {
    const problems = lintYaml(text, 'case.yaml');
    assert.ok(
      problems.some((p) => problem.test(p)),
      JSON.stringify(problems),
    );
  });
}

test('the YAML lint accepts the same content written carefully', () => {
  assert.deepEqual(lintYaml('---\na: "yes"\nmode: "0755"\n---\nb:\n  - c\n', 'case.yaml'), []);
});
