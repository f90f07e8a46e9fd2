import type { FastifyBaseLogger } from 'fastify';
import { type LoadRun, startLoad } from '../engine.js';
import type { LoadOptions } from '../flags.js';
import { MAX_RUNNING_WORKERS, MAX_RUNS } from '../limits.js';
import type { LoadSummary } from '../recorder.js';
import { commandSummary } from './command-summary.js';
import type { LoadtesterMetrics } from './metrics.js';

export interface Finished {
  readonly summary: LoadSummary;
  readonly timedOut: boolean;
}

/**
 * Runs load in-process for the webhook: background runs keyed by canary and command (a duplicate
 * of one still running is skipped, as Flagger's runner does), and blocking runs. Each run is cut
 * off after `timeoutMs`. At most MAX_RUNS runs with MAX_RUNNING_WORKERS workers in all go at once;
 * `whyBusy` says when another would pass them.
 */
export class TaskRunner {
  private readonly running = new Map<string, LoadRun>();
  private readonly blocking = new Set<LoadRun>();
  /** Workers (-c) of the runs going now. */
  private workers = 0;

  constructor(
    private readonly metrics: LoadtesterMetrics,
    private readonly log: FastifyBaseLogger,
    private readonly timeoutMs: number,
  ) {}

  /** Why a run of `workers` workers cannot start now (and counts the refusal), or undefined. */
  whyBusy(workers: number): string | undefined {
    const runs = this.running.size + this.blocking.size;
    let reason: string | undefined;
    if (runs >= MAX_RUNS) {
      reason = `busy: ${runs} runs are going, at most ${MAX_RUNS} at once; try again when one ends`;
    } else if (this.workers + workers > MAX_RUNNING_WORKERS) {
      reason =
        `busy: -c ${workers} and the ${this.workers} workers of the runs going would pass ` +
        `${MAX_RUNNING_WORKERS} workers at once; try again when one ends`;
    }
    if (reason !== undefined) {
      this.metrics.runsRefused.inc();
      this.log.warn({ runs, workers: this.workers, asked: workers }, reason);
    }
    return reason;
  }

  /**
   * Starts a background run unless the same canary and command is running (skipped) or the
   * runner is full (`{ busy }`, from whyBusy); says which.
   */
  startBackground(
    canary: string,
    command: string,
    options: LoadOptions,
  ): 'started' | 'skipped' | { readonly busy: string } {
    const key = `${canary}\u0000${command}`;
    if (this.running.has(key)) {
      this.metrics.runsSkipped.inc();
      this.log.info({ canary, command: commandSummary(command) }, 'command skipped: already running');
      return 'skipped';
    }
    const busy = this.whyBusy(options.workers);
    if (busy !== undefined) return { busy };
    const run = this.start(canary, command, options, 'cmd');
    this.running.set(key, run);
    this.finish(canary, command, run, options.workers).finally(() => this.running.delete(key));
    return 'started';
  }

  /** Runs to the end, or until `abandoned` fires (nobody waits for the answer any more). */
  async runBlocking(canary: string, command: string, options: LoadOptions, abandoned?: AbortSignal): Promise<Finished> {
    const run = this.start(canary, command, options, 'bash');
    this.blocking.add(run);
    const stop = () => {
      this.log.info({ canary, command: commandSummary(command) }, 'command stopped: the caller went away');
      run.stop();
    };
    abandoned?.addEventListener('abort', stop, { once: true });
    try {
      return await this.finish(canary, command, run, options.workers);
    } finally {
      abandoned?.removeEventListener('abort', stop);
      this.blocking.delete(run);
    }
  }

  /** Stops every run (the app is closing). */
  async stopAll(): Promise<void> {
    const runs = [...this.running.values(), ...this.blocking];
    for (const run of runs) run.stop();
    await Promise.allSettled(runs.map((run) => run.result));
  }

  private start(canary: string, command: string, options: LoadOptions, type: 'cmd' | 'bash'): LoadRun {
    this.metrics.runsStarted.inc({ type });
    this.metrics.runsRunning.inc();
    this.workers += options.workers;
    this.log.info({ canary, command: commandSummary(command), type }, 'command starting');
    return startLoad(options, { onRequest: () => this.metrics.requestsSent.inc() });
  }

  private async finish(canary: string, command: string, run: LoadRun, workers: number): Promise<Finished> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      run.stop();
    }, this.timeoutMs);
    try {
      const summary = await run.result;
      this.metrics.lastRunSuccessRatio.set(summary.successRate / 100);
      this.log.info(
        {
          canary,
          command: commandSummary(command),
          requests: summary.requests,
          successRate: summary.successRate,
          timedOut,
        },
        'command finished',
      );
      return { summary, timedOut };
    } finally {
      clearTimeout(timer);
      this.metrics.runsRunning.dec();
      this.workers -= workers;
    }
  }
}
