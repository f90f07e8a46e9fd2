import type { HistogramSeries, SeriesHistogram } from '@faces/kit';
import type { BackendName, Outcome } from './compose.js';

type OutcomeLabel = Outcome['kind'];
const OUTCOME_LABELS: readonly OutcomeLabel[] = ['ok', 'error', 'timeout', 'rate-limited'];

export type BackendObservers = Readonly<Record<OutcomeLabel, HistogramSeries<'backend' | 'outcome'>>>;

/** A backend's series of faces_backend_request_duration_seconds, one per outcome, all made (at zero) at start. */
export function backendObservers(
  histogram: SeriesHistogram<'backend' | 'outcome'>,
  name: BackendName,
): BackendObservers {
  const observers = {} as Record<OutcomeLabel, HistogramSeries<'backend' | 'outcome'>>;
  for (const outcome of OUTCOME_LABELS) observers[outcome] = histogram.series({ backend: name, outcome });
  return observers;
}
