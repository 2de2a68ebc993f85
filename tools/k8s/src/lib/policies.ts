import { Resource, resourceId } from './render';

/** Our own deployment policies. Each returns the violations it finds; an empty list means compliant. */
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const get = (v: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => obj(o)[k], v);

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

function podSpec(r: Resource): Obj | undefined {
  if (r.kind === 'CronJob') return obj(get(r, 'spec.jobTemplate.spec.template.spec'));
  return WORKLOADS.has(r.kind) ? obj(get(r, 'spec.template.spec')) : undefined;
}

/** Every container has probes, requests and limits, and runs non-root, read-only, without privileges. */
export function containerHardeningViolations(resources: Resource[]): string[] {
  const out: string[] = [];
  for (const r of resources) {
    const pod = podSpec(r);
    if (!pod) continue;
    const podSec = obj(pod['securityContext']);
    const containers = [...list(pod['initContainers']).map((c) => ({ c, init: true })), ...list(pod['containers']).map((c) => ({ c, init: false }))];
    for (const { c, init } of containers) {
      const name = `${resourceId(r)} container ${String(obj(c)['name'])}`;
      const sec = obj(obj(c)['securityContext']);
      const res = obj(obj(c)['resources']);
      if (!init && (!obj(c)['livenessProbe'] || !obj(c)['readinessProbe'])) out.push(`${name}: needs liveness and readiness probes`);
      for (const k of ['cpu', 'memory']) {
        if (!obj(res['limits'])[k] || !obj(res['requests'])[k]) out.push(`${name}: needs ${k} request and limit`);
      }
      const runAsNonRoot = sec['runAsNonRoot'] ?? podSec['runAsNonRoot'];
      const runAsUser = sec['runAsUser'] ?? podSec['runAsUser'];
      if (runAsNonRoot !== true || runAsUser === 0) out.push(`${name}: must run as non-root (runAsNonRoot, runAsUser != 0)`);
      if (sec['readOnlyRootFilesystem'] !== true) out.push(`${name}: needs readOnlyRootFilesystem`);
      if (sec['allowPrivilegeEscalation'] !== false) out.push(`${name}: needs allowPrivilegeEscalation false`);
      if (sec['privileged'] === true) out.push(`${name}: must not be privileged`);
      if (!list(obj(sec['capabilities'])['drop']).includes('ALL')) out.push(`${name}: must drop ALL capabilities`);
      const seccomp = obj(sec['seccompProfile'])['type'] ?? obj(podSec['seccompProfile'])['type'];
      if (seccomp !== 'RuntimeDefault') out.push(`${name}: needs seccompProfile RuntimeDefault`);
    }
  }
  return out;
}

/** Operator-managed pods (Kafka nodes, entity operator, PostgreSQL) declare requests and limits too. */
export function operandResourceViolations(resources: Resource[]): string[] {
  const paths: Record<string, string[]> = {
    KafkaNodePool: ['spec.resources'],
    Cluster: ['spec.resources'],
    Kafka: ['spec.entityOperator.topicOperator.resources', 'spec.entityOperator.userOperator.resources'],
  };
  const out: string[] = [];
  for (const r of resources) {
    for (const path of paths[r.kind] ?? []) {
      const res = obj(get(r, path));
      if (!obj(res['limits'])['memory'] || !obj(res['requests'])['cpu']) out.push(`${resourceId(r)}: ${path} needs requests and limits`);
    }
  }
  return out;
}

/** Every image names a version (a tag other than latest, or a digest); none floats. */
export function imagePinViolations(resources: Resource[]): string[] {
  const out: string[] = [];
  const check = (r: Resource, image: unknown) => {
    const ref = String(image);
    const digest = /@sha256:[0-9a-f]{64}$/.test(ref);
    const tag = ref.replace(/@sha256:.*$/, '').match(/:([^/:]+)$/)?.[1];
    if (!digest && (!tag || tag === 'latest' || !/\d/.test(tag))) out.push(`${resourceId(r)}: image ${ref} is not pinned to a version`);
    if (tag === 'latest') out.push(`${resourceId(r)}: image ${ref} uses latest`);
  };
  for (const r of resources) {
    const pod = podSpec(r);
    for (const c of [...list(pod?.['initContainers']), ...list(pod?.['containers'])]) check(r, obj(c)['image']);
    if (r.kind === 'Cluster') check(r, get(r, 'spec.imageName'));
    if (r.kind === 'Kafka' && !/^\d+\.\d+\.\d+$/.test(String(get(r, 'spec.kafka.version')))) {
      out.push(`${resourceId(r)}: spec.kafka.version must pin a Kafka release`);
    }
  }
  return out;
}

const isDefaultDeny = (r: Resource): boolean => {
  const spec = obj(r['spec']);
  const types = list(spec['policyTypes']);
  return r.kind === 'NetworkPolicy' && Object.keys(obj(spec['podSelector'])).length === 0 &&
    types.includes('Ingress') && types.includes('Egress') && !spec['ingress'] && !spec['egress'];
};

/** Every namespace that receives workloads or declares itself has a deny-all NetworkPolicy. */
export function namespacesWithoutDefaultDeny(resources: Resource[]): string[] {
  const namespaces = new Set<string>();
  for (const r of resources) {
    if (r.kind === 'Namespace') namespaces.add(r.metadata.name);
    else if (r.metadata.namespace) namespaces.add(r.metadata.namespace);
  }
  const covered = new Set(resources.filter(isDefaultDeny).map((r) => r.metadata.namespace));
  return [...namespaces].filter((ns) => !covered.has(ns)).map((ns) => `namespace ${ns} has no default-deny NetworkPolicy`);
}

/** Every string value inside a resource, with its path (to search for other districts' names). */
export function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...strings(k, `${path}{key}`), ...strings(v, path ? `${path}.${k}` : k)]);
  return [];
}
