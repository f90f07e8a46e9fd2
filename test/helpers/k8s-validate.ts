import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1';
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1';
import { GitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1';
import { GRPCRoute, HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Ajv } from 'ajv';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Pod, Secret, Service } from 'kubernetes-models/v1';
import { CANARY_SCHEMA, SERVICE_PROFILE_SCHEMA } from './crd-schemas.js';
import { at, isObject, type Json } from './yaml-docs.js';

/** A model's validate(), which throws a ValidationError naming the bad paths. */
type Validate = (this: unknown) => void;

// kubernetes-models checks types, formats and required fields, but lets unknown fields through.
const MODELS: Record<string, Validate> = {
  'apps/v1/Deployment': Deployment.prototype.validate as Validate,
  'v1/Service': Service.prototype.validate as Validate,
  'v1/Secret': Secret.prototype.validate as Validate,
  'v1/ConfigMap': ConfigMap.prototype.validate as Validate,
  'v1/Pod': Pod.prototype.validate as Validate,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy.prototype.validate as Validate,
  'argoproj.io/v1alpha1/Rollout': Rollout.prototype.validate as Validate,
  'gateway.networking.k8s.io/v1/HTTPRoute': HTTPRoute.prototype.validate as Validate,
  'gateway.networking.k8s.io/v1/GRPCRoute': GRPCRoute.prototype.validate as Validate,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor.prototype.validate as Validate,
  'networking.k8s.io/v1/Ingress': Ingress.prototype.validate as Validate,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget.prototype.validate as Validate,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler.prototype.validate as Validate,
  'source.toolkit.fluxcd.io/v1/GitRepository': GitRepository.prototype.validate as Validate,
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': Kustomization.prototype.validate as Validate,
};

const ajv = new Ajv({ allErrors: true, strict: true });
const SCHEMAS = {
  'linkerd.io/v1alpha2/ServiceProfile': ajv.compile(SERVICE_PROFILE_SCHEMA),
  'flagger.app/v1beta1/Canary': ajv.compile(CANARY_SCHEMA),
};

interface Seen {
  readonly read: Set<string>;
  enumerated: boolean;
}

/**
 * Wraps a document so that we learn which fields the model's validator looked at. The compiled
 * validators read every property their schema names and enumerate map-like objects (labels,
 * annotations), so any field that was neither read nor enumerated is unknown to the schema.
 */
function tracked(root: object): { proxy: object; seen: WeakMap<object, Seen> } {
  const seen = new WeakMap<object, Seen>();
  const proxies = new WeakMap<object, object>();
  const wrap = (target: object): object => {
    const existing = proxies.get(target);
    if (existing !== undefined) return existing;
    const record: Seen = { read: new Set(), enumerated: false };
    seen.set(target, record);
    const proxy = new Proxy(target, {
      get(obj, key, receiver) {
        if (typeof key === 'string') record.read.add(key);
        const value: unknown = Reflect.get(obj, key, receiver);
        return typeof value === 'object' && value !== null ? wrap(value) : value;
      },
      has(obj, key) {
        if (typeof key === 'string') record.read.add(key);
        return Reflect.has(obj, key);
      },
      ownKeys(obj) {
        record.enumerated = true;
        return Reflect.ownKeys(obj);
      },
    });
    proxies.set(target, proxy);
    return proxy;
  };
  return { proxy: wrap(root), seen };
}

/** Fields whose CRD keeps any content (x-kubernetes-preserve-unknown-fields): a plugin's own config. */
const FREE_FORM = new Set(['/spec/strategy/canary/trafficRouting/plugins']);

function unknownFields(value: Json, seen: WeakMap<object, Seen>, path: string, out: string[]): void {
  if (FREE_FORM.has(path)) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      unknownFields(item, seen, `${path}/${i}`, out);
    });
    return;
  }
  if (!isObject(value)) return;
  const record = seen.get(value);
  // Never visited: a free-form value (the schema says "any object"), or under an unknown field.
  if (record === undefined) return;
  for (const [key, child] of Object.entries(value)) {
    if (!record.enumerated && !record.read.has(key)) out.push(`${path}/${key}: unknown field`);
    else unknownFields(child, seen, `${path}/${key}`, out);
  }
}

/** The problems with one object: schema errors and unknown fields; empty when it is valid. */
export function validateObject(object: Json): string[] {
  const key = `${at(object, 'apiVersion')}/${at(object, 'kind')}`;
  const name = `${key} ${at(object, 'metadata', 'name')}`;
  if (!isObject(object)) return [`${name}: not an object`];
  const crd = SCHEMAS[key as keyof typeof SCHEMAS];
  if (crd !== undefined) {
    if (crd(object)) return [];
    return (crd.errors ?? []).map((e) => `${name}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
  const model = MODELS[key];
  if (model === undefined) return [`${name}: no schema for this kind (add one to test/helpers/k8s-validate.ts)`];
  const copy = structuredClone(object);
  const { proxy, seen } = tracked(copy);
  try {
    model.call(proxy);
  } catch (error) {
    return [`${name}: ${error instanceof Error ? error.message : String(error)}`];
  }
  const unknown: string[] = [];
  unknownFields(copy, seen, '', unknown);
  return unknown.map((problem) => `${name}: ${problem}`);
}
