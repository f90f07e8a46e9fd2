import type { Row } from './report.js';

/**
 * What a bench row stands for, so targets never depend on how a row is named. `face-grpc` is face
 * with COLOR_SERVICE=grpc://: reported against the face row (HTTP color), not the plain face.
 */
export type Role = 'bare' | 'leaf' | 'face' | 'face-grpc' | 'plain-face' | 'gui';

export interface TargetResult {
  readonly target: string;
  /** The measured figure, formatted; "n/a" when the run has no such row. */
  readonly measured: string;
  readonly met: boolean;
}

/** The targets of `make bench`, each against a reference measured in the same run. */
export const LIMITS = Object.freeze({
  leafToBare: 0.75,
  faceToPlainFace: 1.15,
  faceCpuToPlainFace: 0.9,
  faceGrpcToFace: 0.8,
  leafAnonOverBareMiB: 8,
  faceAnonOverBareMiB: 16,
  startupMs: 300,
  guiBundleGzipBytes: 25_000,
});

function check(target: string, value: number | undefined, ok: (value: number) => boolean, digits = 2): TargetResult {
  if (value === undefined || Number.isNaN(value)) return { target, measured: 'n/a', met: false };
  return { target, measured: value.toFixed(digits), met: ok(value) };
}

/** Every target, met or missed, from one run's rows (see bench.ts) and the GUI bundle's size. */
export function evaluateTargets(rows: readonly Row[], guiBundleGzipBytes: number | undefined): TargetResult[] {
  const results: TargetResult[] = [];
  const bare = rows.find((row) => row.role === 'bare');
  const plain = rows.find((row) => row.role === 'plain-face');
  for (const row of rows.filter((each) => each.role === 'leaf')) {
    results.push(check(`${row.name} ≥ ${LIMITS.leafToBare} × bare req/s`, row.toBare, (v) => v >= LIMITS.leafToBare));
  }
  for (const row of rows.filter((each) => each.role === 'face')) {
    results.push(
      check(
        `${row.name} ≥ ${LIMITS.faceToPlainFace} × plain face req/s`,
        row.toPlainFace,
        (v) => v >= LIMITS.faceToPlainFace,
      ),
      check(
        `${row.name} CPU/req ≤ ${LIMITS.faceCpuToPlainFace} × plain face's`,
        row.cpuToPlainFace,
        (v) => v <= LIMITS.faceCpuToPlainFace,
      ),
    );
    if (plain === undefined)
      results.push({ target: 'a plain face row to compare face with', measured: 'n/a', met: false });
  }
  for (const row of rows.filter((each) => each.role === 'face-grpc')) {
    results.push(
      check(
        `${row.name} ≥ ${LIMITS.faceGrpcToFace} × face (HTTP color) req/s`,
        row.toFace,
        (v) => v >= LIMITS.faceGrpcToFace,
      ),
    );
  }
  for (const row of rows.filter((each) => each.role !== 'bare' && each.role !== 'plain-face')) {
    const over = row.role === 'leaf' ? LIMITS.leafAnonOverBareMiB : LIMITS.faceAnonOverBareMiB;
    const excess = bare === undefined ? undefined : row.anonMiB - bare.anonMiB;
    results.push(check(`${row.name} anon memory ≤ bare + ${over} MiB (excess, MiB)`, excess, (v) => v <= over, 1));
  }
  for (const row of rows.filter((each) => each.startupMs !== undefined)) {
    results.push(
      check(`${row.name} start→ready ≤ ${LIMITS.startupMs} ms`, row.startupMs, (v) => v <= LIMITS.startupMs, 0),
    );
  }
  results.push(
    check(
      `GUI bundle ≤ ${LIMITS.guiBundleGzipBytes / 1000} KB gzip (KB)`,
      guiBundleGzipBytes === undefined ? undefined : guiBundleGzipBytes / 1000,
      (v) => v * 1000 <= LIMITS.guiBundleGzipBytes,
      1,
    ),
  );
  return results;
}

/** One line per target: `met` or `MISSED`, the target and the figure measured. */
export function renderTargets(results: readonly TargetResult[]): string {
  const missed = results.filter((result) => !result.met).length;
  const lines = results.map((result) => `${result.met ? 'met   ' : 'MISSED'}  ${result.target}: ${result.measured}`);
  return `${lines.join('\n')}\nTargets: ${results.length - missed} met, ${missed} missed\n`;
}
