/** One set of settings as GET /faults shows it. */
export interface SettingsRow {
  readonly errorFraction: number;
  readonly latchFraction: number;
  readonly delayBuckets: readonly number[];
  readonly maxRate: number;
}

export interface FaultsView {
  readonly environment: SettingsRow;
  readonly base: SettingsRow;
  readonly users: Readonly<Record<string, SettingsRow>>;
}

const HEADINGS = ['settings', 'error %', 'latch %', 'delay buckets (ms)', 'max rate (RPS)'];

function isRow(value: unknown): value is SettingsRow {
  const row = value as Partial<SettingsRow> | null;
  return (
    typeof row === 'object' &&
    row !== null &&
    typeof row.errorFraction === 'number' &&
    typeof row.latchFraction === 'number' &&
    Array.isArray(row.delayBuckets) &&
    typeof row.maxRate === 'number'
  );
}

/** The answer, if it is a GET /faults view. */
export function asFaultsView(value: unknown): FaultsView | undefined {
  const view = value as Partial<FaultsView> | null;
  if (typeof view !== 'object' || view === null || !isRow(view.environment) || !isRow(view.base)) return undefined;
  if (typeof view.users !== 'object' || view.users === null || !Object.values(view.users).every(isRow))
    return undefined;
  return view as FaultsView;
}

function cells(who: string, row: SettingsRow): string[] {
  return [
    who,
    String(row.errorFraction),
    String(row.latchFraction),
    row.delayBuckets.length === 0 ? 'none' : row.delayBuckets.join(','),
    row.maxRate === 0 ? 'off' : String(row.maxRate),
  ];
}

/** The settings as an aligned text table: the environment's, everyone's, then each user's. */
export function faultsTable(view: FaultsView): string {
  const rows = [
    HEADINGS,
    cells('environment', view.environment),
    cells('everyone else', view.base),
    ...Object.entries(view.users).map(([user, row]) => cells(`user ${JSON.stringify(user)}`, row)),
  ];
  const widths = HEADINGS.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return `${rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
