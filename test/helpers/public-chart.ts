import { readRepoFile } from './repo.js';
import type { Json } from './yaml-docs.js';

/**
 * Facts of the public faces-chart (2.1 line, bdc243b), kept in test/static/fixtures/faces-chart-2.1.json:
 * every key of its values.yaml with its default, and the kind/name of every object it renders
 * for its Argo Rollouts command lines. Facts only: not its templates.
 */
export interface PublicChart {
  readonly commit: string;
  readonly keys: readonly { readonly key: string; readonly default: Json }[];
  readonly renders: Readonly<Record<string, { readonly args: readonly string[]; readonly objects: readonly string[] }>>;
}

export const PUBLIC_CHART = JSON.parse(readRepoFile('test/static/fixtures/faces-chart-2.1.json')) as PublicChart;
