import { MAX_USER_BYTES } from '@faces/kit';

/** Every tool argument's limit (docs/security-and-limits.md lists them). */
export const LIMITS = Object.freeze({
  /** sample_grid's cells per call. */
  maxCells: 1000,
  /** sample_grid calls running at once, over every session: each holds up to maxConcurrency requests. */
  maxGrids: 4,
  /** sample_grid's requests in flight at once. */
  maxConcurrency: 32,
  /** A cell's row or column: the GUI's grid is at most 32 by 32. */
  maxRowCol: 31,
  /** A smiley name, code point or emoji; a color name or #hex. */
  maxValueLength: 64,
  /** A user name, as X-Faces-User carries it. */
  maxUserLength: MAX_USER_BYTES,
  /** A fault setting given as a string (a percent, a rate, a list of delays). */
  maxSettingLength: 256,
  /** Delay buckets given as a list. */
  maxDelayBuckets: 64,
});
