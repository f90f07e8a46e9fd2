import { PALETTE } from '@faces/kit';
import { SMILEYS } from '@faces/smiley';
import cssNamedColors from 'color-name';

/**
 * values.schema.json of charts/faces, built from the services' own rules so the two cannot drift:
 * smiley names from @faces/smiley, palette and CSS color names from @faces/kit and color-name,
 * the ranges from the kit's readers. `node scripts/chart-schema.mjs` writes it; a test checks that
 * the committed file is exactly this. Patterns are RE2 (Helm's validator), so `(?i:…)` is fine.
 */
type Schema = Record<string, unknown>;

const strict = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: 'object',
  ...(description === undefined ? {} : { description }),
  additionalProperties: false,
  properties,
});
const bool: Schema = { type: 'boolean' };
const int = (minimum: number, maximum: number, nullable = false): Schema => ({
  type: nullable ? ['integer', 'null'] : 'integer',
  minimum,
  maximum,
});

/** Every color name the color service takes (case-insensitive there): the palette and CSS's. */
export function colorNames(): string[] {
  return [...new Set([...Object.keys(PALETTE), ...Object.keys(cssNamedColors)])].sort();
}

const names = `(?i:${colorNames().join('|')})`;
const hex = '#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})';
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

const unset: Schema = { type: 'null' };
const empty: Schema = { const: '' };
/** An integer percent, as a number or a string; `nullable`: unset means inherited. */
const percent = (nullable: boolean): Schema => ({
  description: 'an integer percent from 0 to 100, as a number or a string',
  anyOf: [
    { type: 'integer', minimum: 0, maximum: 100 },
    { type: 'string', pattern: PERCENT },
    ...(nullable ? [unset, empty] : []),
  ],
});
/** Delay buckets: one number, or a comma-separated string; unset (null or "") means none or inherited. */
const delayBuckets: Schema = {
  description: `comma-separated whole milliseconds from 0 to ${MAX_DELAY_MS}, e.g. "0,5,10,1500"; a single number; or unset`,
  anyOf: [
    { type: 'integer', minimum: 0, maximum: MAX_DELAY_MS },
    { type: 'string', pattern: DELAY_BUCKETS },
    unset,
    empty,
  ],
};
const imageRef: Schema = { type: 'string', pattern: '^([a-z0-9][a-z0-9._:/@-]*)?$' };
/** A tag; `--set x.imageTag=2` gives a number, so whole numbers pass (1.10 would become 1.1: use --set-string). */
const imageTag: Schema = {
  description: 'an image tag (use --set-string for tags such as 1.10 that look like decimals)',
  anyOf: [
    { type: 'string', pattern: '^([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$' },
    { type: 'integer', minimum: 0 },
    unset,
  ],
};
const pullPolicy: Schema = { enum: ['', null, 'Always', 'IfNotPresent', 'Never'] };
const image = {
  image: imageRef,
  imageName: imageRef,
  imageTag,
  imagePullPolicy: pullPolicy,
};
const replicas = int(0, 1000, true);
const quantity = (pattern: string): Schema => ({ type: 'string', pattern });
const cpu = quantity('^([0-9]+m|[0-9]+(\\.[0-9]+)?)$');
const memory = quantity('^[0-9]+(Ki|Mi|Gi)?$');
const resources = strict({
  requests: strict({ cpu, memory }),
  limits: strict({ cpu, memory }),
});
const dnsLabel: Schema = { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 };
const hostName: Schema = {
  type: 'string',
  pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
};
const duration: Schema = { type: 'string', pattern: '^([0-9]+(ms|s|m|h))+$' };

const smiley = (): Schema =>
  strict({
    enabled: bool,
    smiley: { description: 'a smiley name the smiley service knows', enum: Object.keys(SMILEYS) },
    ...image,
    replicas,
    errorFraction: percent(true),
    delayBuckets,
  });
const color = (): Schema =>
  strict({
    enabled: bool,
    color: {
      description: 'a palette name, #RGB, #RRGGBB or a CSS color name',
      type: 'string',
      pattern: BACKEND_COLOR,
    },
    ...image,
    replicas,
    errorFraction: percent(true),
    delayBuckets,
  });
const pageColor: Schema = {
  description: 'a palette or CSS color name, #RGB, #RRGGBB, rgb(…) or hsl(…)',
  type: 'string',
  pattern: PAGE_COLOR,
};

export function chartSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Values of the Faces chart (generated by scripts/chart-schema.mjs; do not edit by hand)',
    ...strict({
      defaultImageTag: imageTag,
      defaultImagePullPolicy: { enum: ['Always', 'IfNotPresent', 'Never'] },
      defaultReplicas: int(0, 1000),
      authHeader: {
        description:
          'the services read and propagate X-Faces-User only and have no variable to rename it (header names are case-insensitive)',
        type: 'string',
        pattern: '^(?i:x-faces-user)$',
      },
      gui: strict({
        ...image,
        replicas,
        serviceType: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] },
        hideKey: bool,
        numberRows: int(1, 32),
        numberColumns: int(1, 32),
        color: { anyOf: [empty, pageColor] },
        colorForUser: {
          description:
            'user name → page color; names with the shape of a kubelet service-link variable (upper case ending in PORT, SERVICE_HOST, …) are ignored by the GUI, so they are refused',
          type: 'object',
          propertyNames: {
            pattern: '^[A-Za-z0-9_.-]+$',
            not: { pattern: USER_NAME_LINK },
          },
          additionalProperties: pageColor,
        },
        showPods: bool,
        edgeSize: int(0, 16),
        startActive: bool,
        ingress: strict({
          enabled: bool,
          className: { anyOf: [empty, dnsLabel] },
          host: { anyOf: [empty, hostName] },
          annotations: { type: 'object', additionalProperties: { type: 'string' } },
        }),
        httpRoute: strict({
          enabled: bool,
          parentRefs: {
            type: 'array',
            items: {
              ...strict({ name: dnsLabel, namespace: dnsLabel, sectionName: dnsLabel }),
              required: ['name'],
            },
          },
          hostnames: { type: 'array', items: hostName },
        }),
      }),
      face: strict({
        ...image,
        replicas,
        errorFraction: percent(false),
        delayBuckets,
        smileyService: { type: 'string', pattern: SERVICE_ADDRESS },
        colorService: { type: 'string', pattern: SERVICE_ADDRESS },
        podDisruptionBudget: strict({ enabled: bool, maxUnavailable: int(0, 1000) }),
        autoscaling: strict({
          enabled: bool,
          minReplicas: int(1, 1000),
          maxReplicas: int(1, 1000),
          targetCPUUtilizationPercentage: int(1, 1000),
        }),
      }),
      backend: strict({ errorFraction: percent(false), delayBuckets }),
      smiley: smiley(),
      smiley2: smiley(),
      smiley3: smiley(),
      color: color(),
      color2: color(),
      color3: color(),
      resources: strict({
        face: resources,
        smiley: resources,
        color: resources,
        gui: resources,
        loadtester: resources,
      }),
      loadtester: strict({
        enabled: bool,
        ...image,
        namespaceRegexp: { type: 'string' },
        taskTimeoutSeconds: int(1, 86400),
      }),
      flagger: strict({
        loadtesterUrl: { type: 'string', pattern: '^(https?://[^\\s]+)?$' },
        guiEvents: bool,
        canary: strict({
          enabled: bool,
          interval: duration,
          threshold: int(1, 100),
          maxWeight: int(1, 100),
          stepWeight: int(1, 100),
          successRate: int(0, 100),
          load: {
            description: 'a `faces load …` or `hey …` command without its URL; no shell',
            type: 'string',
            pattern: "^(faces load|hey)( [-A-Za-z0-9.=:/']+)*$",
          },
        }),
        abTest: strict({
          enabled: bool,
          user: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
          iterations: int(1, 1000),
          successRate: int(0, 100),
          ingressUrl: { type: 'string', pattern: '^https?://[^\\s]+$' },
        }),
      }),
    }),
  };
}
