export { loadCommand } from './cli.js';
export { type EngineDeps, type LoadRun, type Progress, startLoad } from './engine.js';
export { type Dialect, type LoadOptions, type ParseOutcome, parseLoadArgs, usage } from './flags.js';
export { buildLoadtesterApp } from './loadtester/app.js';
export { parseCommand, splitWords } from './loadtester/command.js';
export { type LoadtesterConfig, readLoadtesterConfig } from './loadtester/config.js';
export { loadtesterService } from './loadtester/service.js';
export { type LoadSummary, Recorder } from './recorder.js';
export { formatSummary } from './report.js';
