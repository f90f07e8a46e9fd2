/** Go's time.ParseDuration units, in milliseconds (hey's -z is a Go flag.Duration). */
const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /([0-9]*\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Parses a Go duration ("2m", "1h30m", "1.5s", "300ms") into milliseconds, or undefined when Go
 * would refuse it. As in Go, a bare "0" is allowed and every other number needs a unit.
 */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < rest.length) {
    const start = PART.lastIndex;
    const match = PART.exec(rest);
    const number = match?.[1];
    const unit = match?.[2];
    if (match === null || number === undefined || unit === undefined || number === '' || number === '.') {
      return undefined;
    }
    if (match.index !== start) return undefined;
    total += Number(number) * (UNIT_MS[unit] ?? Number.NaN);
  }
  return Number.isFinite(total) ? sign * total : undefined;
}
