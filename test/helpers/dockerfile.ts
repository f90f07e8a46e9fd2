import { validate as lintDockerfile } from 'dockerfile-utils';

export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
}

/** Instructions in order, continuation lines joined, comments and parser directives dropped. */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === undefined && (line === '' || line.startsWith('#'))) return;
    if (pending !== undefined && line.startsWith('#')) return;
    const joined = pending === undefined ? line : `${pending.text} ${line}`;
    const start = pending?.line ?? index + 1;
    if (joined.endsWith('\\')) {
      pending = { text: joined.slice(0, -1).trim(), line: start };
      return;
    }
    pending = undefined;
    const match = /^(\S+)\s*(.*)$/.exec(joined);
    if (match) out.push({ keyword: (match[1] ?? '').toUpperCase(), args: match[2] ?? '', line: start });
  });
  return out;
}

/** Instructions grouped by stage (each starts at a FROM). */
export function stages(text: string): Instruction[][] {
  const out: Instruction[][] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') out.push([]);
    out.at(-1)?.push(instruction);
  }
  return out;
}

/** dockerfile-utils' linter, every check raised to an error; `line: message` per problem. */
export function lint(text: string): string[] {
  const error = 2;
  const diagnostics = lintDockerfile(text, {
    deprecatedMaintainer: error,
    directiveCasing: error,
    emptyContinuationLine: error,
    instructionCasing: error,
    instructionCmdMultiple: error,
    instructionEntrypointMultiple: error,
    instructionHealthcheckMultiple: error,
    instructionJSONInSingleQuotes: error,
    instructionWorkdirRelative: error,
  });
  return diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

const ARCH_SPECIFIC = /\b(amd64|arm64|x86_64|aarch64|armv7|uname)\b|--platform/;

/**
 * Our rules for the image, beyond the linter: a multi-stage build on a Node LTS slim base that
 * installs from the lockfile and copies only the staged runtime into a last stage that runs as a
 * numeric non-root user, exposes `port`, checks health with `faces healthcheck` and has no
 * architecture-specific step.
 */
export function imageRules(text: string, port: number): string[] {
  const problems: string[] = [];
  const all = stages(text);
  const final = all.at(-1) ?? [];
  const build = all.slice(0, -1).flat();
  const initialArgs = instructions(text).filter(
    (i, index, list) => i.keyword === 'ARG' && !list.slice(0, index).some((j) => j.keyword === 'FROM'),
  );
  const nodeVersion = /^NODE_VERSION=(\d+)$/.exec(
    initialArgs.find((i) => i.args.startsWith('NODE_VERSION='))?.args ?? '',
  )?.[1];
  if (all.length < 2) problems.push('not a multi-stage build');
  if (nodeVersion === undefined || Number(nodeVersion) < 22 || Number(nodeVersion) % 2 !== 0) {
    problems.push(`ARG NODE_VERSION must default to an LTS major (even, >= 22), got ${nodeVersion}`);
  }
  for (const stage of all) {
    const from = stage[0]?.args ?? '';
    if (!/^node:\$\{NODE_VERSION\}-slim(\s+AS\s+\S+)?$/i.test(from))
      problems.push(`FROM ${from}: use node:\${NODE_VERSION}-slim`);
  }
  // RUN's own flags (--mount=type=cache,…) come before the command.
  const runs = build.filter((i) => i.keyword === 'RUN').map((i) => i.args.replace(/^(--\S+\s+)+/, ''));
  if (!runs.some((r) => /^npm ci\b/.test(r) && !r.includes('--omit=dev')))
    problems.push('the build stage must run npm ci (from the lockfile)');
  if (runs.some((r) => /\bnpm (install|i)\b/.test(r))) problems.push('npm install ignores the lockfile: use npm ci');
  if (!runs.some((r) => r.startsWith('node scripts/stage-runtime.mjs /app')))
    problems.push('the runtime must be staged by scripts/stage-runtime.mjs');
  if (runs.some((r) => /--omit=dev\b/.test(r)))
    problems.push('the runtime is the self-contained bundle: no production npm ci');
  for (const i of [...build, ...final]) {
    if (i.keyword === 'RUN' && ARCH_SPECIFIC.test(i.args)) problems.push(`line ${i.line}: architecture-specific step`);
  }
  const copies = final.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
  for (const copy of copies) {
    if (!/^--from=\S+\s+\/app\s+\/app$/.test(copy.args))
      problems.push(`line ${copy.line}: the last stage copies only the staged /app`);
  }
  const user = final.filter((i) => i.keyword === 'USER').at(-1)?.args;
  if (user === undefined || !/^[1-9]\d*(:\d+)?$/.test(user))
    problems.push(`USER ${user}: the last stage must run as a numeric non-root user`);
  const exposed = final.filter((i) => i.keyword === 'EXPOSE').map((i) => i.args);
  if (exposed.join(' ') !== String(port)) problems.push(`EXPOSE ${exposed.join(' ')}: expected ${port}`);
  const health = final.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '';
  if (!/CMD \["faces", "healthcheck"\]$/.test(health))
    problems.push(`HEALTHCHECK ${health}: use CMD ["faces", "healthcheck"]`);
  const entrypoint = final.find((i) => i.keyword === 'ENTRYPOINT')?.args;
  if (entrypoint !== '["faces"]') problems.push(`ENTRYPOINT ${entrypoint}: expected ["faces"]`);
  return problems;
}
