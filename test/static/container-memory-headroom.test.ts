// The memory requests and limits of k8s/01-base and the chart hold the peak the container check
// measured (docs/performance.md, "Memory in containers") with the headroom docs/kubernetes.md
// states. The container check compares its own live figures with the base on every run; this
// test keeps a change to the manifests or the chart honest without an engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseWorkload } from '../helpers/container-base.js';
import { readYamlFile, WORKLOADS, type Workload } from '../helpers/manifests.js';
import { headroomProblem, memoryResources } from '../helpers/memory-headroom.js';
import { readRepoFile } from '../helpers/repo.js';
import { at, type Json } from '../helpers/yaml-docs.js';

const DOC = 'docs/performance.md';
const HEADING = '## Memory in containers';
const CHART_KEY: Record<Workload, string> = { face: 'face', smiley: 'smiley', color: 'color', 'faces-gui': 'gui' };

interface Measured {
  readonly peakBytes: number;
  readonly request: string;
  readonly limit: string;
}

/** The table under HEADING: | workload | idle | after load | peak | request | limit | ... |. */
function measuredPeaks(): Map<string, Measured> {
  const text = readRepoFile(DOC);
  const start = text.indexOf(`\n${HEADING}\n`);
  assert.ok(start >= 0, `${DOC} has no "${HEADING}" section`);
  const section = text.slice(start + HEADING.length + 2).split('\n## ')[0] ?? '';
  const rows = new Map<string, Measured>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const peak = /^(\d+(?:\.\d+)?) MiB$/.exec(cells[4] ?? '');
    if (cells[0] !== '' || peak === null) continue;
    rows.set(cells[1] as string, {
      peakBytes: Number(peak[1]) * 1024 * 1024,
      request: cells[5] ?? '',
      limit: cells[6] ?? '',
    });
  }
  return rows;
}

describe('memory requests and limits against the measured container peak', () => {
  const peaks = measuredPeaks();
  const chart = readYamlFile('charts/faces/values.yaml')[0] as Json;

  for (const workload of WORKLOADS) {
    it(`${workload}: k8s/01-base and the chart hold the peak in ${DOC}`, () => {
      const measured = peaks.get(workload);
      assert.ok(measured, `${DOC} "${HEADING}" has no row for ${workload}`);
      const base = baseWorkload(workload).memory;
      const chartMemory = memoryResources(
        at(chart, 'resources', CHART_KEY[workload]) as Json,
        `charts/faces/values.yaml resources.${CHART_KEY[workload]}`,
      );
      const problems = [
        headroomProblem(workload, measured.peakBytes, base, 'k8s/01-base'),
        headroomProblem(workload, measured.peakBytes, chartMemory, 'charts/faces/values.yaml'),
      ].filter((p) => p !== undefined);
      assert.deepEqual(problems, []);
      assert.deepEqual(
        { request: measured.request, limit: measured.limit },
        { request: base.request, limit: base.limit },
        `${DOC}'s ${workload} row names other resources than k8s/01-base`,
      );
    });
  }
});
