import type { Sample } from './rounds.js';
import type { Role } from './targets.js';

/** One target's line: its figures over the rounds (see rounds.ts), ratios and start-up. */
export interface Row extends Sample {
  readonly name: string;
  readonly role: Role;
  /** Paired per-round ratio to the bare node:http ceiling (see rounds.ts). */
  readonly toBare: number;
  /** For face and the GUI path: paired per-round ratio to smiley. */
  readonly toSmiley: number | undefined;
  /** For face: paired per-round ratios to the plain face reference, of req/s and of CPU per request. */
  readonly toPlainFace: number | undefined;
  readonly cpuToPlainFace: number | undefined;
  /** For face with gRPC color: paired per-round ratios to face with HTTP color, of req/s and CPU per request. */
  readonly toFace?: number | undefined;
  readonly cpuToFace?: number | undefined;
  readonly startupMs: number | undefined;
  /** RSS when /readyz first answers 200, before any other request. */
  readonly readyRssMiB: number | undefined;
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);

function lines(rows: readonly Row[]): string[][] {
  return rows.map((row) => [
    row.name,
    fixed(row.requestsPerSecond, 0),
    fixed(row.toBare, 2),
    row.toSmiley === undefined ? '' : fixed(row.toSmiley, 2),
    row.toPlainFace === undefined ? '' : fixed(row.toPlainFace, 2),
    row.cpuToPlainFace === undefined ? '' : fixed(row.cpuToPlainFace, 2),
    row.toFace === undefined ? '' : fixed(row.toFace, 2),
    row.cpuToFace === undefined ? '' : fixed(row.cpuToFace, 2),
    fixed(row.p50Ms, 2),
    fixed(row.p99Ms, 2),
    String(row.non2xx),
    fixed(row.cpuMicrosPerRequest, 1),
    fixed(row.rssMiB, 1),
    fixed(row.anonMiB, 1),
    fixed(row.startupMs, 0),
    fixed(row.readyRssMiB, 1),
  ]);
}

const HEADER = [
  'target',
  'req/s',
  '× bare',
  '× smiley',
  '× plain face',
  'CPU × plain face',
  '× face',
  'CPU × face',
  'p50 ms',
  'p99 ms',
  'non-2xx',
  'CPU µs/req',
  'RSS MiB',
  'anon MiB',
  'start→ready ms',
  'RSS at ready MiB',
];

/** A machine whose hypervisor takes this much of its CPU time measures its neighbours as much as Faces. */
const STOLEN_WARNING = 0.05;

function stolenLine(stolen: number): string {
  const share = `CPU time stolen by the hypervisor during the load: ${(stolen * 100).toFixed(1)} %`;
  return stolen > STOLEN_WARNING ? `${share} (a busy host: ratios are unreliable, run again later)` : share;
}

export function renderTable(rows: readonly Row[], bundleBytes: number | undefined, stolen: number): string {
  const all = [HEADER, ...lines(rows)];
  const widths = HEADER.map((_, column) => Math.max(...all.map((line) => (line[column] ?? '').length)));
  const text = all.map((line) => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')).join('\n');
  return `${text}\nGUI bundle (JS+CSS, gzip): ${bundleBytes === undefined ? 'not built' : `${(bundleBytes / 1024).toFixed(1)} KiB`}\n${stolenLine(stolen)}\n`;
}

export function renderMarkdown(
  rows: readonly Row[],
  bundleBytes: number | undefined,
  settings: object,
  stolen: number,
): string {
  const body = lines(rows).map((line) => `| ${line.join(' | ')} |`);
  return [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...body,
    '',
    `GUI bundle (JS+CSS, gzip): ${bundleBytes === undefined ? 'not built' : `${(bundleBytes / 1024).toFixed(1)} KiB`}`,
    '',
    stolenLine(stolen),
    '',
    `Settings: ${JSON.stringify(settings)}`,
    '',
  ].join('\n');
}
