/**
 * JSON schemas for the custom resources we ship that no npm model covers: Linkerd's
 * ServiceProfile and Flagger's Canary (Gateway API routes: @kubernetes-models/gateway-api). They list the fields we use (and the few the workshop adds
 * later), with `additionalProperties: false` everywhere, so a misspelt field fails.
 */
type Schema = Record<string, unknown>;

const strict = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});
const str: Schema = { type: 'string', minLength: 1 };
const int: Schema = { type: 'integer', minimum: 0 };
const duration: Schema = { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$' };
const dns1123: Schema = {
  type: 'string',
  pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
};

const objectMeta = strict(
  {
    name: dns1123,
    namespace: dns1123,
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
  ['name'],
);

const requestMatch: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    method: { enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] },
    pathRegex: str,
    all: { type: 'array', items: { $ref: '#/$defs/requestMatch' } },
    any: { type: 'array', items: { $ref: '#/$defs/requestMatch' } },
    not: { $ref: '#/$defs/requestMatch' },
  },
  minProperties: 1,
};

export const SERVICE_PROFILE_SCHEMA: Schema = {
  $defs: { requestMatch },
  ...strict(
    {
      apiVersion: { const: 'linkerd.io/v1alpha2' },
      kind: { const: 'ServiceProfile' },
      metadata: objectMeta,
      spec: strict(
        {
          routes: {
            type: 'array',
            minItems: 1,
            items: strict(
              {
                name: str,
                condition: { $ref: '#/$defs/requestMatch' },
                isRetryable: { type: 'boolean' },
                timeout: duration,
              },
              ['name', 'condition'],
            ),
          },
        },
        ['routes'],
      ),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
};

const crossRef = (kinds: string[]): Schema =>
  strict({ apiVersion: str, kind: { enum: kinds }, name: dns1123 }, ['apiVersion', 'kind', 'name']);

const headerMatch = strict({ exact: str, prefix: str, suffix: str, regex: str });

export const CANARY_SCHEMA: Schema = strict(
  {
    apiVersion: { const: 'flagger.app/v1beta1' },
    kind: { const: 'Canary' },
    metadata: objectMeta,
    spec: strict(
      {
        provider: { enum: ['linkerd', 'nginx', 'istio', 'contour', 'gloo', 'kubernetes', 'gatewayapi:v1'] },
        targetRef: crossRef(['Deployment', 'DaemonSet']),
        ingressRef: crossRef(['Ingress']),
        autoscalerRef: crossRef(['HorizontalPodAutoscaler']),
        progressDeadlineSeconds: int,
        service: strict({ port: { type: 'integer', minimum: 1, maximum: 65535 }, targetPort: str }, ['port']),
        analysis: strict(
          {
            interval: duration,
            threshold: int,
            maxWeight: { type: 'integer', minimum: 0, maximum: 100 },
            stepWeight: { type: 'integer', minimum: 0, maximum: 100 },
            iterations: int,
            match: {
              type: 'array',
              items: strict({ headers: { type: 'object', additionalProperties: headerMatch } }, ['headers']),
            },
            metrics: {
              type: 'array',
              items: strict(
                {
                  name: str,
                  interval: duration,
                  thresholdRange: strict({ min: { type: 'number' }, max: { type: 'number' } }),
                },
                ['name'],
              ),
            },
            webhooks: {
              type: 'array',
              items: strict(
                {
                  name: str,
                  type: {
                    enum: [
                      'confirm-rollout',
                      'pre-rollout',
                      'rollout',
                      'confirm-traffic-increase',
                      'confirm-promotion',
                      'post-rollout',
                      'rollback',
                      'event',
                    ],
                  },
                  url: { type: 'string', pattern: '^https?://' },
                  timeout: duration,
                  metadata: { type: 'object', additionalProperties: { type: 'string' } },
                },
                ['name', 'url'],
              ),
            },
          },
          ['interval', 'threshold'],
        ),
      },
      ['targetRef', 'service', 'analysis'],
    ),
  },
  ['apiVersion', 'kind', 'metadata', 'spec'],
);
