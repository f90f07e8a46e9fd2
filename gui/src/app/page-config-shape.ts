// The page configuration the faces-gui server hands the app (JSON island and /config.json). One
// declaration for both builds, so the server and the app cannot drift apart on its shape.

/** What the app in the browser needs; the same for every user but the background. */
export interface PageSettings {
  readonly hideKey: boolean;
  readonly showPods: boolean;
  readonly numRows: number;
  readonly numCols: number;
  readonly edgeSize: number;
  readonly startActive: boolean;
  /** A cell gives up on its request after this long: a little over the GUI's own wait for face. */
  readonly cellTimeoutMs: number;
  /** Banners for Flagger's rollouts (SHOW_ROLLOUTS). */
  readonly showRollouts: boolean;
}

/** What the app gets for one user: the page settings and that user's background. */
export interface PageConfig extends PageSettings {
  readonly user: string;
  readonly color: string;
}
