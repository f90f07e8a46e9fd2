/** Where the presenter's token is kept: this tab only, gone when it closes; never in the page. */
export const TOKEN_KEY = 'faces-presenter-token';

/** The services whose faults the panel sets (the GUI reaches them at /faults/<service>). */
export const SERVICES = ['face', 'smiley', 'color'] as const;
export type ControlledService = (typeof SERVICES)[number];

/** The page opened with this fragment shows the token field (a fragment never reaches the server). */
export const PRESENTER_FRAGMENT = '#presenter';

/** One service's settings as GET /faults shows them. */
export interface SettingsView {
  readonly errorFraction: number;
  readonly latchFraction: number;
  readonly delayBuckets: readonly number[];
  readonly maxRate: number;
}

export interface FaultsView {
  readonly environment: SettingsView;
  readonly base: SettingsView;
  readonly users: Readonly<Record<string, SettingsView>>;
}

/** The error fraction `user` gets now, and whether it is their own setting. */
export function errorFractionFor(view: FaultsView, user: string): { readonly value: number; readonly own: boolean } {
  // Own properties only: a user called "constructor" has no settings unless given some.
  const own = Object.hasOwn(view.users, user) ? view.users[user] : undefined;
  return own === undefined ? { value: view.base.errorFraction, own: false } : { value: own.errorFraction, own: true };
}

/** The field's text as a whole percent, or why it is not one. */
export function parsePercent(text: string): number | string {
  const trimmed = text.trim();
  if (!/^[0-9]{1,3}$/.test(trimmed) || Number(trimmed) > 100) return 'a whole percent from 0 to 100';
  return Number(trimmed);
}

/** What the panel says when the GUI refuses a control call. */
export function refusalText(status: number, error: string | undefined): string {
  if (status === 401 || status === 403) return 'the token was refused';
  if (status === 404) return 'fault control is off here (no CONTROL_TOKEN on the GUI)';
  if (status === 0) return error ?? 'the GUI did not answer';
  return error === undefined ? `answered ${status}` : error;
}
