import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { helm } from './helm.js';
import { readYamlFile } from './manifests.js';
import { at, type Json } from './yaml-docs.js';

/** The shipped notification config for Argo Rollouts (the GUI's banner). */
export const NOTIFICATIONS_FILE = 'k8s/examples/argo-rollouts/notifications.yaml';
export const NOTIFICATIONS = readYamlFile(NOTIFICATIONS_FILE)[0] as Json;

const data = at(NOTIFICATIONS, 'data') as Record<string, string>;

/** trigger (on-rollout-…) → the webhook body template it sends to faces-gui, as Go template text. */
export const BODY_TEMPLATES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(data)
    .filter(([key]) => key.startsWith('trigger.'))
    .map(([key, value]) => {
      const [send] = parse(value) as { send: string[] }[];
      const template = parse(data[`template.${send?.send[0]}`] ?? '') as Json;
      return [key.slice('trigger.'.length), String(at(template, 'webhook', 'faces-gui', 'body'))];
    }),
);

/**
 * Renders every body template for this Rollout (spec and status as the controller has them) with
 * Go's text/template, as the notification engine does: through Helm, whose templates are Go's,
 * with `.rollout` read from the values. Returns trigger → the body text it posts.
 */
export function renderBodies(rollout: Json): Record<string, string> {
  const chart = mkdtempSync(join(tmpdir(), 'faces-argo-bodies-'));
  mkdirSync(join(chart, 'templates'));
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: bodies\nversion: 0.0.0\n');
  const triggers = Object.keys(BODY_TEMPLATES);
  const defines = triggers.map(
    (t) =>
      `{{- define "${t}" -}}${(BODY_TEMPLATES[t] ?? '').trimEnd().replaceAll('.rollout.', '$.Values.rollout.')}{{- end -}}`,
  );
  writeFileSync(join(chart, 'templates', '_bodies.tpl'), `${defines.join('\n')}\n`);
  const lines = triggers.map((t) => `  ${t}: {{ include "${t}" . | toJson }}`);
  writeFileSync(
    join(chart, 'templates', 'bodies.yaml'),
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bodies\ndata:\n${lines.join('\n')}\n`,
  );
  writeFileSync(join(chart, 'values.yaml'), stringify({ rollout }));
  const result = helm(['template', 'bodies', chart]);
  if (result.status !== 0) throw new Error(`rendering the notification bodies failed:\n${result.stderr}`);
  return at(parse(result.stdout) as Json, 'data') as Record<string, string>;
}

/** A Rollout as the controller holds it mid-canary: the chart's Rollout with a status. */
export function withStatus(rollout: Json, status: Json): Json {
  return { ...(rollout as object), status } as Json;
}
