import type { FaultConfig } from '../config/kit-config.js';
import { type SettingsView, settingsView } from './fault-settings.js';
import { FaultInjector, faultsConfigured } from './faults.js';
import type { Rng } from './random.js';

/** The most users with settings of their own: a presenter targets one or two, never thousands. */
export const MAX_USER_SETTINGS = 32;

/** What GET /faults answers. */
export interface FaultControlView {
  /** The settings from the environment, which DELETE restores. */
  readonly environment: SettingsView;
  /** The settings for every user without their own. */
  readonly base: SettingsView;
  /** Users with settings of their own, by X-Faces-User. */
  readonly users: Readonly<Record<string, SettingsView>>;
}

export class TooManyUsersError extends Error {
  constructor() {
    super(`at most ${MAX_USER_SETTINGS} users may have settings of their own: DELETE /faults?user=… one first`);
    this.name = 'TooManyUsersError';
  }
}

/** An injector and whether it can ever inject anything (if not, a request skips it and draws nothing). */
interface Target {
  readonly injector: FaultInjector;
  readonly active: boolean;
}

function target(config: FaultConfig, rng: Rng, label: string): Target {
  return { injector: new FaultInjector(config, rng, label), active: faultsConfigured(config) };
}

/**
 * The fault settings a service runs with now: the base ones and those of single users, each with
 * its own injector (its own latch and rate window: a user's latch must not fail everyone else).
 * Every injector draws from the one seeded generator, so the same requests after the same
 * changes give the same outcomes. Replacing settings starts a fresh injector (no latch, an empty
 * rate window). No I/O: the routes (fault-routes.ts) and the hook (faults-plugin.ts) use it.
 */
export class FaultControl {
  private baseTarget: Target;
  private readonly users = new Map<string, Target>();

  constructor(
    readonly environment: FaultConfig,
    private readonly rng: Rng,
    private readonly label: string,
  ) {
    this.baseTarget = target(environment, rng, label);
  }

  /** The injector for users without settings of their own (face's /rl reports its rate). */
  get base(): FaultInjector {
    return this.baseTarget.injector;
  }

  /** The injector for a request from `user`, or undefined when nothing could be injected. */
  injectorFor(user: string): FaultInjector | undefined {
    const chosen = this.users.size === 0 ? this.baseTarget : (this.users.get(user) ?? this.baseTarget);
    return chosen.active ? chosen.injector : undefined;
  }

  /** Replaces the base settings, or one user's. Throws TooManyUsersError past MAX_USER_SETTINGS users. */
  replace(config: FaultConfig, user?: string): void {
    if (user === undefined) {
      this.baseTarget = target(config, this.rng, this.label);
      return;
    }
    if (!this.users.has(user) && this.users.size >= MAX_USER_SETTINGS) throw new TooManyUsersError();
    this.users.set(user, target(config, this.rng, this.label));
  }

  /** Back to the environment's settings: one user's (they follow the base again), or everything. */
  reset(user?: string): void {
    if (user !== undefined) {
      this.users.delete(user);
      return;
    }
    this.users.clear();
    this.baseTarget = target(this.environment, this.rng, this.label);
  }

  view(): FaultControlView {
    // No prototype: a user may be called __proto__.
    const users = Object.create(null) as Record<string, SettingsView>;
    for (const [user, { injector }] of [...this.users].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      users[user] = settingsView(injector.config);
    }
    return {
      environment: settingsView(this.environment),
      base: settingsView(this.baseTarget.injector.config),
      users,
    };
  }
}
