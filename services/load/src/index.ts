export { loadCommand } from './cli.js';
export { type EngineDeps, type LoadRun, type Progress, startLoad } from './engine.js';
export { type Dialect, type LoadOptions, type ParseOutcome, parseLoadArgs, usage } from './flags.js';
export { type LoadSummary, Recorder } from './recorder.js';
export { formatSummary } from './report.js';
