import { Resource, resourceId } from './render';
import { strings } from './policies';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Namespaces a district's pods may name in a NetworkPolicy besides their own. */
const SHARED_NAMESPACES = new Set(['kube-system', 'lien-kafka', 'cnpg-system', 'strimzi']);

/**
 * A district overlay stays inside its namespace: every object lives in lien-<code>, no value names
 * another district (namespace, topic prefix, Kafka user), and its network policies open no other
 * lien-* namespace.
 */
export function overlayIsolationViolations(code: string, resources: Resource[], otherCodes: string[]): string[] {
  const out: string[] = [];
  const own = `lien-${code}`;
  for (const r of resources) {
    if (r.kind === 'Namespace' ? r.metadata.name !== own : r.metadata.namespace !== own) {
      out.push(`${resourceId(r)}: outside namespace ${own}`);
    }
    for (const [path, value] of strings(r)) {
      for (const other of otherCodes.filter((o) => o !== code)) {
        const pattern = new RegExp(`(^|[^a-z0-9-])(lien-${other}|lien\\.${other}\\.)($|[^a-z0-9-])`);
        if (pattern.test(value)) out.push(`${resourceId(r)} ${path}: names district ${other} ('${value}')`);
      }
    }
    if (r.kind === 'NetworkPolicy') {
      const spec = obj(r['spec']);
      const peers = [...list(spec['ingress']).flatMap((rule) => list(obj(rule)['from'])), ...list(spec['egress']).flatMap((rule) => list(obj(rule)['to']))];
      for (const peer of peers) {
        const ns = obj(obj(obj(peer)['namespaceSelector'])['matchLabels'])['kubernetes.io/metadata.name'];
        if (typeof ns === 'string' && ns !== own && !SHARED_NAMESPACES.has(ns)) out.push(`${resourceId(r)}: opens namespace ${ns}`);
      }
    }
  }
  return out;
}

/**
 * What a district's user may do on its own prefix: produce and consume, never create, alter or delete
 * (its topics are declared KafkaTopics, managed by the Topic Operator).
 */
const DISTRICT_OPERATIONS = new Set(['Read', 'Write', 'Describe', 'DescribeConfigs']);

/**
 * A district's Kafka user and topics stay under its prefix lien.<code>. ; nothing reaches the cluster
 * resource, and the user only reads and writes.
 */
export function kafkaIsolationViolations(code: string, kafkaResources: Resource[]): string[] {
  const out: string[] = [];
  const prefix = `lien.${code}.`;
  const mine = kafkaResources.filter((r) => r.metadata.labels?.['lien.be/district'] === code);
  const user = mine.find((r) => r.kind === 'KafkaUser');
  if (!user || user.metadata.name !== `lien-${code}`) out.push(`district ${code}: no KafkaUser lien-${code}`);
  for (const acl of list(obj(obj(user?.['spec'])['authorization'])['acls'])) {
    const res = obj(obj(acl)['resource']);
    if (res['type'] === 'cluster') out.push(`KafkaUser lien-${code}: ACL on the cluster resource`);
    else if (typeof res['name'] !== 'string' || !res['name'].startsWith(prefix) || res['name'].includes('*')) {
      out.push(`KafkaUser lien-${code}: ACL on ${String(res['type'])} '${String(res['name'])}' outside ${prefix}`);
    }
    const refused = list(obj(acl)['operations']).map(String).filter((op) => !DISTRICT_OPERATIONS.has(op));
    if (refused.length) out.push(`KafkaUser lien-${code}: ${refused.join(', ')} on ${String(res['type'])} '${String(res['name'])}' (only read and write)`);
  }
  for (const topic of mine.filter((r) => r.kind === 'KafkaTopic')) {
    const name = String(obj(topic['spec'])['topicName'] ?? topic.metadata.name);
    if (!name.startsWith(prefix)) out.push(`KafkaTopic ${topic.metadata.name}: topic ${name} outside ${prefix}`);
  }
  const users = kafkaResources.filter((r) => r.kind === 'KafkaUser' && r.metadata.name === `lien-${code}`);
  if (users.length > 1) out.push(`district ${code}: ${users.length} KafkaUsers named lien-${code}`);
  return out;
}

/** The central reporting user reads (Read, Describe) every district's topics, writes none, owns only lien.central. groups. */
export function centralReaderViolations(kafkaResources: Resource[]): string[] {
  const user = kafkaResources.find((r) => r.kind === 'KafkaUser' && r.metadata.name === 'lien-central');
  if (!user) return ['no KafkaUser lien-central'];
  const out: string[] = [];
  for (const acl of list(obj(obj(user['spec'])['authorization'])['acls'])) {
    const res = obj(obj(acl)['resource']);
    const ops = list(obj(acl)['operations']).map(String);
    const extra = ops.filter((op) => op !== 'Read' && op !== 'Describe');
    if (extra.length) out.push(`lien-central: ${extra.join(', ')} on ${String(res['type'])} ${String(res['name'])}`);
    if (res['type'] === 'group' && !String(res['name']).startsWith('lien.central.')) out.push(`lien-central: group ${String(res['name'])} outside lien.central.`);
    if (res['type'] !== 'topic' && res['type'] !== 'group') out.push(`lien-central: ACL on ${String(res['type'])}`);
  }
  return out;
}

/** Every `secretKeyRef` and secret volume, with the namespace of the resource that holds it. */
function secretRefs(value: unknown, found: Array<{ name: string; key?: string }> = []): Array<{ name: string; key?: string }> {
  if (Array.isArray(value)) value.forEach((v) => secretRefs(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'secretKeyRef') found.push({ name: String(obj(v)['name']), key: String(obj(v)['key']) });
      else if (k === 'secret' && typeof obj(v)['secretName'] === 'string') found.push({ name: String(obj(v)['secretName']) });
      else secretRefs(v, found);
    }
  }
  return found;
}

/** Every secret a resource references is declared (namespace, name, key) in the overlay's secret-references.yaml. */
export function undeclaredSecretRefs(resources: Resource[], declared: Array<{ namespace: string; name: string; keys: string[] }>): string[] {
  const out: string[] = [];
  for (const r of resources) {
    for (const ref of secretRefs(r)) {
      const match = declared.find((s) => s.namespace === r.metadata.namespace && s.name === ref.name);
      if (!match || (ref.key !== undefined && !match.keys.includes(ref.key))) {
        out.push(`${resourceId(r)}: secret ${r.metadata.namespace}/${ref.name}${ref.key ? ` key ${ref.key}` : ''} is not declared`);
      }
    }
  }
  return out;
}
