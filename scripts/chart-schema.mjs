#!/usr/bin/env node
// values.schema.json of charts/faces, built from the services' own rules so the two cannot drift:
// smiley names from @faces/smiley, palette and CSS color names from @faces/kit and color-name,
// the ranges from the kit's readers, the variables each workload reads (extraEnv) from
// test/helpers/service-env.ts, the one table the chart's env tests use.
//
//   node scripts/chart-schema.mjs          writes values.schema.json and checks.json (after `npm run build`)
//   node scripts/chart-schema.mjs --check  exits 1 when a committed file differs
//
// Helm prints a failed `pattern` as the whole regular expression and an unknown key without a
// hint, so string rules and closed objects are left to templates/_validate.tpl, which walks the
// values beside this schema and fails with one line: the key, and what it takes. For that the
// generator also writes charts/faces/checks.json (Helm keeps values.schema.json out of .Files):
// the key tree, with `x-faces-check` ({pattern, accepts}) on checked strings; an object is
// closed when it lists `properties` and no `additionalProperties`. Patterns are RE2 (Go's regexp).
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { PALETTE } from '@faces/kit';
import { SMILEYS } from '@faces/smiley';
import cssNamedColors from 'color-name';
import { serviceEnv } from '../test/dist/helpers/service-env.js';

/** @typedef {Record<string, unknown>} Schema */

/** @param {Record<string, Schema>} properties @param {string} [description] @returns {Schema} */
const closed = (properties, description) => ({
  type: 'object',
  ...(description === undefined ? {} : { description }),
  properties,
});
const bool = { type: 'boolean' };
/** @param {number} minimum @param {number} maximum @param {boolean} [nullable] @returns {Schema} */
const int = (minimum, maximum, nullable = false) => ({
  type: nullable ? ['integer', 'null'] : 'integer',
  minimum,
  maximum,
});
/** A string the template checks: its pattern, and the one-line list of what it takes. */
const checked = (/** @type {string} */ pattern, /** @type {string} */ accepts, /** @type {Schema} */ extra = {}) => ({
  ...extra,
  'x-faces-check': { pattern, accepts },
});

/** Every color name the color service takes (case-insensitive there): the palette and CSS's. */
export function colorNames() {
  return [...new Set([...Object.keys(PALETTE), ...Object.keys(cssNamedColors)])].sort();
}

const names = `(?i:${colorNames().join('|')})`;
const hex = '#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})';
const paletteList = Object.keys(PALETTE).join(', ');
/** COLOR of the color service: resolveColor in services/kit/src/css-color.ts. */
export const BACKEND_COLOR = `^(${names}|${hex})$`;
/** COLOR and COLOR_<user> of the GUI: readPageColor in gui/src/server/config.ts (isSafeCssColor). */
export const PAGE_COLOR = `^(${names}|#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?i:rgba?|hsla?)\\([0-9.%\\s,/deg-]+\\))$`;

/** The kit's readDelayBuckets limit (not exported; the schema-parity test checks 60000 and 60001 against it). */
const MAX_DELAY_MS = 60_000;
/** ERROR_FRACTION as a string: readPercent in services/kit/src/env-readers.ts (which trims). */
export const PERCENT = '^ *0*([0-9]{1,2}|100) *$';
/** COLOR_<user> names the GUI ignores: isServiceLinkVariable in services/kit/src/service-links.ts. */
export const USER_NAME_LINK =
  '^[A-Z0-9_]*(^|_)(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT|PORT_[0-9]{1,5}_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?)$';
const bucket = `0*([0-9]{1,4}|[1-5][0-9]{4}|${MAX_DELAY_MS})`;
export const DELAY_BUCKETS = `^ *${bucket} *(, *${bucket} *)*$`;
const port = '([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])';
const host = '[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?';
/** SMILEY_SERVICE, COLOR_SERVICE: readServiceAddress in services/kit/src/env-readers.ts. */
export const SERVICE_ADDRESS = `^((http://)?${host}(:${port})?|http://${host}(:${port})?/)$`;
/** A token (CONTROL_TOKEN, EVENTS_TOKEN): readToken in services/kit/src/kit-config.ts. */
export const TOKEN = '^([!-~]{8,512})?$';

/** An integer percent, as a number or a string; `nullable`: unset (null or "") means inherited. */
const percent = (/** @type {boolean} */ nullable) =>
  checked(`${nullable ? '^$|' : ''}${PERCENT}`, 'a whole percent from 0 to 100', {
    type: nullable ? ['integer', 'string', 'null'] : ['integer', 'string'],
    minimum: 0,
    maximum: 100,
  });
/** Delay buckets: one number, or a comma-separated string; unset (null or "") means none or inherited. */
const delayBuckets = checked(
  `^$|${DELAY_BUCKETS}`,
  `comma-separated whole milliseconds from 0 to ${MAX_DELAY_MS} (e.g. "0,5,10,1500"; escape the commas in --set: "0\\,5"), a single number, or "" for none`,
  { type: ['integer', 'string', 'null'], minimum: 0, maximum: MAX_DELAY_MS },
);
const imageRef = checked('^([a-z0-9][a-z0-9._:/@-]*)?$', 'an image reference such as ghcr.io/faces-demo/faces', {
  type: 'string',
});
/** A tag; `--set x.imageTag=2` gives a number, so whole numbers pass (1.10 would become 1.1: use --set-string). */
const imageTag = checked(
  '^([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$',
  'an image tag such as 0.1.0 (use --set-string for tags such as 1.10 that look like decimals)',
  { type: ['string', 'integer', 'null'], minimum: 0 },
);
const pullPolicy = { enum: ['', null, 'Always', 'IfNotPresent', 'Never'] };
const image = { image: imageRef, imageName: imageRef, imageTag, imagePullPolicy: pullPolicy };
const replicas = int(0, 1000, true);
const cpu = checked('^([0-9]+m|[0-9]+(\\.[0-9]+)?)$', 'a CPU quantity such as 100m or 1', { type: 'string' });
const memory = checked('^[0-9]+(Ki|Mi|Gi)?$', 'a memory quantity such as 128Mi', { type: 'string' });
const resources = closed({ requests: closed({ cpu, memory }), limits: closed({ cpu, memory }) });
const dnsLabel = checked('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', 'a DNS label (lower case letters, digits and -)', {
  type: 'string',
  maxLength: 63,
});
const hostName = checked(
  '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
  'a host name such as faces.example.com',
  { type: 'string' },
);
const duration = checked('^([0-9]+(ms|s|m|h))+$', 'a duration such as 10s or 1m', { type: 'string' });
const backendColor = checked(
  `^$|${BACKEND_COLOR}`,
  `a palette name (${paletteList}), a CSS color name, #RGB or #RRGGBB; "" for faces-chart's light blue`,
  { type: 'string' },
);
const pageColor = checked(
  PAGE_COLOR,
  `a palette name (${paletteList}), a CSS color name, #RGB, #RGBA, #RRGGBB, #RRGGBBAA, rgb(…) or hsl(…)`,
  { type: 'string' },
);
/** A checked string that may also be "" (unset). */
const orEmpty = (/** @type {Schema} */ node) => {
  const check = /** @type {{pattern: string, accepts: string}} */ (node['x-faces-check']);
  return { ...node, 'x-faces-check': { pattern: `^$|${check.pattern}`, accepts: `${check.accepts}, or ""` } };
};
const smileyName = {
  description: 'a smiley name the smiley service knows; "" for Grinning',
  enum: ['', ...Object.keys(SMILEYS)],
};

/** Variables a service reads that extraEnv may not set, and what to use instead. */
export const RESERVED_ENV = {
  FACES_SERVICE: 'the chart sets it for each workload',
  CONTROL_TOKEN: 'use controlToken or existingSecret (a Secret, never plain env)',
  EVENTS_TOKEN: 'use eventsToken or existingSecret (a Secret, never plain env)',
  HOST: "the chart's Service and probes need the pod's port (8000; faces-mcp's 3000) on every address",
  PORT: "the chart's Service and probes need the pod's port (8000; faces-mcp's 3000) on every address",
  MCP_TOKEN: 'use mcpToken or existingSecret (a Secret, never plain env)',
  MCP_ALLOWED_HOSTS: "use mcp.allowedHosts (the Service's names and loopback are always allowed)",
  TRANSPORT: 'the chart serves MCP over HTTP (/mcp and /sse); stdio is for a client that spawns faces mcp itself',
};
/** extraEnv: name → value, names from those the service reads. */
const extraEnv = (/** @type {string} */ who, /** @type {ReadonlySet<string>} */ read) => {
  const allowed = [...read].filter((name) => !Object.hasOwn(RESERVED_ENV, name)).sort();
  const reserved = Object.fromEntries(Object.entries(RESERVED_ENV).filter(([name]) => read.has(name)));
  return {
    type: 'object',
    description: `extra variables of ${who}`,
    additionalProperties: { type: ['string', 'integer', 'number', 'boolean'] },
    'x-faces-names': { who, allowed, reserved },
  };
};
const route = (/** @type {string[]} */ kinds) => closed({ kind: { enum: ['', ...kinds] }, name: orEmpty(dnsLabel) });

/** The canary steps of one workload: Argo's list of one-key steps (setWeight, pause, …). */
const steps = closed({
  steps: { type: 'array', items: { type: 'object', minProperties: 1, maxProperties: 1 } },
});
const intOrPercent = checked('^([0-9]+|[0-9]{1,2}%|100%)$', 'a number of pods or a percent such as 25%', {
  type: ['integer', 'string'],
  minimum: 0,
});
const suffix = checked('^-?[a-z0-9]([-a-z0-9]{0,30})$', 'a Service name suffix such as -canary', { type: 'string' });

const WORKLOADS = ['gui', 'face', 'smiley', 'smiley2', 'smiley3', 'color', 'color2', 'color3'];

/**
 * The public faces-chart's keys that we take but do not act on: accepted at faces-chart's
 * default, refused by templates/_validate.tpl with this line otherwise.
 */
const REFUSED = {
  whisperAddress: { type: 'string' },
  whisperNode: { type: ['integer', 'string', 'null'] },
  ingress: closed({
    enabled: bool,
    image: { type: 'string' },
    imageName: { type: 'string' },
    imageTag: { type: ['string', 'integer', 'null'] },
    imagePullPolicy: { type: ['string', 'null'] },
    cellService: { type: 'string' },
  }),
};

/** @param {Record<'gui' | 'face' | 'smiley' | 'color' | 'mcp', ReadonlySet<string>>} read */
function schemaOf(read) {
  const smiley = () =>
    closed({
      enabled: bool,
      smiley: smileyName,
      ...image,
      replicas,
      errorFraction: percent(true),
      delayBuckets,
      extraEnv: extraEnv('smiley', read.smiley),
      route: route(['HTTPRoute']),
    });
  const color = () =>
    closed({
      enabled: bool,
      color: backendColor,
      ...image,
      replicas,
      errorFraction: percent(true),
      delayBuckets,
      extraEnv: extraEnv('color', read.color),
      route: route(['GRPCRoute', 'HTTPRoute']),
    });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Values of the Faces chart (generated by scripts/chart-schema.mjs; do not edit by hand)',
    ...closed({
      defaultImageTag: imageTag,
      defaultImagePullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
      defaultReplicas: int(0, 1000),
      authHeader: {
        description:
          'the services read and propagate X-Faces-User only and have no variable to rename it (header names are case-insensitive)',
        ...checked('^(?i:x-faces-user)$', 'only X-Faces-User: the services have no variable to rename the header', {
          type: 'string',
        }),
      },
      gui: closed({
        ...image,
        replicas,
        serviceType: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] },
        hideKey: bool,
        numberRows: int(1, 32),
        numberColumns: int(1, 32),
        color: orEmpty(pageColor),
        colorForUser: {
          description:
            'user name → page color; names with the shape of a kubelet service-link variable (upper case ending in PORT, SERVICE_HOST, …) are ignored by the GUI, so they are refused',
          type: 'object',
          additionalProperties: pageColor,
          'x-faces-keys': {
            pattern: '^[A-Za-z0-9_.-]+$',
            refused: USER_NAME_LINK,
            accepts:
              'a user name of letters, digits, _ . -, not shaped like a kubelet service-link variable (…PORT, …SERVICE_HOST)',
          },
        },
        showPods: bool,
        edgeSize: int(0, 16),
        startActive: bool,
        ingress: closed({
          enabled: bool,
          className: orEmpty(dnsLabel),
          host: orEmpty(hostName),
          annotations: { type: 'object', additionalProperties: { type: 'string' } },
        }),
        httpRoute: closed({
          enabled: bool,
          parentRefs: {
            type: 'array',
            items: { ...closed({ name: dnsLabel, namespace: dnsLabel, sectionName: dnsLabel }), required: ['name'] },
          },
          hostnames: { type: 'array', items: hostName },
        }),
        extraEnv: extraEnv('the GUI', read.gui),
        route: route(['HTTPRoute']),
      }),
      face: closed({
        ...image,
        replicas,
        errorFraction: percent(false),
        delayBuckets,
        smileyService: checked(SERVICE_ADDRESS, 'host, host:port or http://host:port', { type: 'string' }),
        colorService: checked(SERVICE_ADDRESS, 'host, host:port or http://host:port', { type: 'string' }),
        podDisruptionBudget: closed({ enabled: bool, maxUnavailable: int(0, 1000) }),
        autoscaling: closed({
          enabled: bool,
          minReplicas: int(1, 1000),
          maxReplicas: int(1, 1000),
          targetCPUUtilizationPercentage: int(1, 1000),
        }),
        extraEnv: extraEnv('face', read.face),
        route: route(['HTTPRoute']),
      }),
      backend: closed({ ...image, errorFraction: percent(false), delayBuckets }),
      smiley: smiley(),
      smiley2: smiley(),
      smiley3: smiley(),
      color: color(),
      color2: color(),
      color3: color(),
      resources: closed({
        face: resources,
        smiley: resources,
        color: resources,
        gui: resources,
        loadtester: resources,
        mcp: resources,
      }),
      mcp: closed({
        enabled: bool,
        ...image,
        serviceType: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] },
        allowedHosts: {
          description: 'extra host names for MCP_ALLOWED_HOSTS (no ports, no wildcards)',
          type: 'array',
          maxItems: 50,
          items: checked(
            '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
            'a host name such as mcp.example.com (no port, no wildcard)',
            {
              type: 'string',
              maxLength: 253,
            },
          ),
        },
        extraEnv: extraEnv('faces mcp', read.mcp),
      }),
      loadtester: closed({
        enabled: bool,
        ...image,
        namespaceRegexp: { type: 'string' },
        taskTimeoutSeconds: int(1, 86400),
      }),
      flagger: closed({
        loadtesterUrl: checked('^(https?://[^\\s]+)?$', 'an http:// or https:// URL, or ""', { type: 'string' }),
        guiEvents: bool,
        canary: closed({
          enabled: bool,
          interval: duration,
          threshold: int(1, 100),
          maxWeight: int(1, 100),
          stepWeight: int(1, 100),
          successRate: int(0, 100),
          load: {
            description: 'a `faces load …` or `hey …` command without its URL; no shell',
            ...checked(
              "^(faces load|hey)( [-A-Za-z0-9.=:/']+)*$",
              'a `faces load …` or `hey …` command without its URL',
              {
                type: 'string',
              },
            ),
          },
        }),
        abTest: closed({
          enabled: bool,
          user: checked('^[A-Za-z0-9_.-]+$', 'a user name of letters, digits, _ . -', { type: 'string' }),
          iterations: int(1, 1000),
          successRate: int(0, 100),
          ingressUrl: checked('^https?://[^\\s]+$', 'an http:// or https:// URL', { type: 'string' }),
        }),
      }),
      controlToken: checked(TOKEN, '8 to 512 visible ASCII characters, or "" for none', { type: 'string' }),
      eventsToken: checked(TOKEN, '8 to 512 visible ASCII characters, or "" for none', { type: 'string' }),
      mcpToken: checked(TOKEN, '8 to 512 visible ASCII characters, or "" for none', { type: 'string' }),
      existingSecret: orEmpty(dnsLabel),
      rollouts: closed({
        enabled: bool,
        strategy: { enum: ['canary', 'blueGreen'] },
        maxSurge: intOrPercent,
        maxUnavailable: intOrPercent,
        revisionHistoryLimit: int(0, 1000),
        progressDeadlineSeconds: int(1, 86400),
        minReadySeconds: int(0, 86400),
        guiEvents: bool,
        canary: closed({
          trafficRouting: closed({
            provider: {
              description: 'smi (Linkerd), or null for none; the Gateway API is plugin.name argoproj-labs/gatewayAPI',
              enum: [null, '', 'smi'],
            },
            plugin: closed({
              name: checked(
                '^([a-z0-9.-]+/[A-Za-z0-9.-]+)?$',
                'a plugin name such as argoproj-labs/gatewayAPI, or ""',
                {
                  type: ['string', 'null'],
                },
              ),
              autocreateRoutes: bool,
              config: { type: ['object', 'null'] },
            }),
          }),
          ...Object.fromEntries(WORKLOADS.map((w) => [w, steps])),
          serviceSuffix: closed({ canary: suffix }),
        }),
        blueGreen: closed({
          autoPromotionEnabled: bool,
          autoPromotionSeconds: int(0, 86400, true),
          serviceSuffix: closed({ preview: suffix }),
        }),
      }),
      serviceMonitor: closed({
        enabled: bool,
        interval: duration,
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      }),
      networkPolicy: closed({
        enabled: bool,
        checksFrom: {
          description: 'NetworkPolicyPeers (namespaceSelector, podSelector, ipBlock), as Kubernetes takes them',
          type: 'array',
          items: { type: 'object' },
        },
      }),
      ...REFUSED,
    }),
  };
}

/** The schema, with each workload's variables read from the services themselves. */
export async function chartSchema() {
  const namesOf = async (/** @type {'gui' | 'face' | 'smiley' | 'color' | 'mcp'} */ service) =>
    (await serviceEnv(service)).names;
  return schemaOf({
    gui: await namesOf('gui'),
    face: await namesOf('face'),
    smiley: await namesOf('smiley'),
    color: await namesOf('color'),
    mcp: await namesOf('mcp'),
  });
}

const CHECK_KEYS = new Set([
  'properties',
  'additionalProperties',
  'items',
  'x-faces-check',
  'x-faces-names',
  'x-faces-keys',
]);
/** Drops the x-faces-* annotations: what Helm validates (values.schema.json). */
function forHelm(/** @type {unknown} */ node) {
  if (Array.isArray(node)) return node.map(forHelm);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).filter(([key]) => !key.startsWith('x-faces-'));
  return Object.fromEntries(
    entries.map(([key, value]) => [key, key === 'properties' ? mapValues(value, forHelm) : forHelm(value)]),
  );
}
/** Keeps the key tree and the annotations: what templates/_validate.tpl walks (checks.json). */
function forTemplates(/** @type {unknown} */ node) {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const entries = Object.entries(node).filter(([key]) => CHECK_KEYS.has(key));
  return Object.fromEntries(
    entries.map(([key, value]) => [
      key,
      key === 'properties' ? mapValues(value, forTemplates) : key.startsWith('x-faces-') ? value : forTemplates(value),
    ]),
  );
}
const mapValues = (/** @type {unknown} */ object, /** @type {(v: unknown) => unknown} */ f) =>
  Object.fromEntries(Object.entries(/** @type {object} */ (object)).map(([key, value]) => [key, f(value)]));

/** Both generated files of the chart, path relative to the repository → text. */
export async function chartFiles() {
  const schema = await chartSchema();
  const json = (/** @type {unknown} */ value) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'charts/faces/values.schema.json': json(forHelm(schema)),
    'charts/faces/checks.json': json(forTemplates(schema)),
  };
}

if (import.meta.url === new URL(process.argv[1] ?? '', 'file://').href) {
  const check = process.argv.includes('--check');
  for (const [path, text] of Object.entries(await chartFiles())) {
    const file = new URL(`../${path}`, import.meta.url);
    if (!check) {
      writeFileSync(file, text);
      console.log(`wrote ${path} (run npm run format to lay it out as biome does)`);
    } else if (!isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(text))) {
      // Compared as JSON: biome formats the committed files its own way.
      console.error(`${path} differs from what scripts/chart-schema.mjs writes: run it (after npm run build)`);
      process.exitCode = 1;
    }
  }
}
