// values.yaml documents every key (a `# --` comment), and the chart README's table is generated
// from those comments: a key added, renamed or given a new default must show up in both.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { valueDocs, valuesTable } from '../helpers/chart-values-doc.js';
import { readRepoFile } from '../helpers/repo.js';

const values = readRepoFile('charts/faces/values.yaml');
const { docs, undocumented } = valueDocs(values);

test('every key in values.yaml has a `# --` comment, itself or through its parent', () => {
  assert.deepEqual(undocumented, []);
});

test("the chart README's values table is the one values.yaml's comments give", () => {
  const readme = readRepoFile('charts/faces/README.md');
  const table = /<!-- values:start -->\n([\s\S]*?)\n<!-- values:end -->/.exec(readme)?.[1];
  // Cell by cell: biome aligns the columns of Markdown tables.
  const cells = (text: string | undefined) =>
    (text ?? '')
      .split('\n')
      .filter((row) => !/^\|[\s|-]+\|$/.test(row))
      .map((row) => row.split(/(?<!\\)\|/).map((cell) => cell.trim()));
  assert.deepEqual(
    cells(table),
    cells(valuesTable(docs)),
    'regenerate the table from values.yaml (chart-values-doc.ts)',
  );
});

test('an undocumented key is reported (near-miss)', () => {
  assert.deepEqual(valueDocs('# -- ok\na: 1\nb: 2\nc:\n  # -- ok\n  d: 3\n  e: 4\n').undocumented, ['b', 'c.e']);
});
