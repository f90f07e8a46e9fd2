/** The parts of a V8 .cpuprofile (`node --cpu-prof`) that self time needs. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Share {
  readonly name: string;
  /** Of the time the process was busy (idle excluded). */
  readonly share: number;
}

/**
 * Who a frame's time belongs to: the npm package, a Faces workspace, Node's own JS, or V8's
 * pseudo-frames (the garbage collector, syscalls such as writev, native code).
 */
export function ownerOf(frame: { readonly functionName: string; readonly url: string }): string {
  const { url, functionName } = frame;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (inPackage?.[1] !== undefined) return inPackage[1];
  const inWorkspace = /\/(services\/[^/]+|gui|test)\/dist\//.exec(url);
  if (inWorkspace?.[1] !== undefined) return inWorkspace[1];
  if (url.startsWith('node:')) return 'node (JS)';
  return url === '' ? `(${functionName.replace(/^\(|\)$/g, '')})` : url;
}

/** Self time by owner, largest first, as shares of the busy time. */
export function busyTimeByOwner(profile: CpuProfile): Share[] {
  const owners = new Map<number, string>();
  for (const node of profile.nodes) owners.set(node.id, ownerOf(node.callFrame));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const owner = owners.get(id) ?? '(unknown)';
    totals.set(owner, (totals.get(owner) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  totals.delete('(idle)');
  const busy = [...totals.values()].reduce((sum, time) => sum + time, 0);
  return [...totals]
    .map(([name, time]) => ({ name, share: busy > 0 ? time / busy : 0 }))
    .sort((a, b) => b.share - a.share);
}
