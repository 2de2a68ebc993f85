import Ajv, { ValidateFunction } from 'ajv';
import { Resource } from './render';

/**
 * No npm package ships the Strimzi or CloudNativePG CRD schemas, so these are our own structural
 * schemas: the subset of each CRD's fields we use, with the upstream field names (Strimzi 1.0 `v1`
 * API, CloudNativePG 1.28 `postgresql.cnpg.io/v1`) and `additionalProperties: false`, so a typo or
 * a field from another API version fails here. They do not prove a real operator accepts the object.
 */
type Schema = Record<string, unknown>;

const strict = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});
const str: Schema = { type: 'string', minLength: 1 };
const int = (minimum = 0): Schema => ({ type: 'integer', minimum });
const bool: Schema = { type: 'boolean' };
const stringMap: Schema = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };
const quantity: Schema = { type: ['string', 'number'] };
const resources = strict({ requests: strict({ cpu: quantity, memory: quantity }), limits: strict({ cpu: quantity, memory: quantity }) }, ['requests', 'limits']);
const secretKeyRef = strict({ name: str, key: str }, ['name', 'key']);
const labelSelector: Schema = { type: 'object' };

const metadata = (requiredLabels: string[] = []): Schema => ({
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: str,
    labels: { type: 'object', additionalProperties: { type: 'string' }, required: requiredLabels },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['name', ...(requiredLabels.length ? ['labels'] : [])],
});

const resource = (apiVersion: string, kind: string, spec: Schema, requiredLabels: string[] = []): Schema =>
  strict({ apiVersion: { const: apiVersion }, kind: { const: kind }, metadata: metadata(requiredLabels), spec }, ['apiVersion', 'kind', 'metadata', 'spec']);

const kafka = resource('kafka.strimzi.io/v1', 'Kafka', strict({
  kafka: strict({
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    metadataVersion: str,
    listeners: {
      type: 'array',
      minItems: 1,
      items: strict({
        name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
        port: int(9092),
        type: { enum: ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'] },
        tls: bool,
        authentication: strict({ type: { enum: ['tls', 'scram-sha-512', 'custom'] } }, ['type']),
        networkPolicyPeers: { type: 'array', items: strict({ namespaceSelector: labelSelector, podSelector: labelSelector }) },
      }, ['name', 'port', 'type', 'tls']),
    },
    authorization: strict({ type: { enum: ['simple', 'custom'] } }, ['type']),
    config: stringMap,
  }, ['version', 'listeners']),
  entityOperator: strict({ topicOperator: strict({ resources }), userOperator: strict({ resources }) }),
}, ['kafka']));

const kafkaNodePool = resource('kafka.strimzi.io/v1', 'KafkaNodePool', strict({
  replicas: int(1),
  roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['controller', 'broker'] } },
  storage: strict({
    type: { enum: ['jbod', 'persistent-claim', 'ephemeral'] },
    volumes: {
      type: 'array',
      items: strict({ id: int(0), type: { enum: ['persistent-claim', 'ephemeral'] }, size: str, class: str, deleteClaim: bool, kraftMetadata: { enum: ['shared'] } }, ['id', 'type']),
    },
  }, ['type']),
  resources,
  jvmOptions: strict({ '-Xms': str, '-Xmx': str }),
}, ['replicas', 'roles', 'storage']), ['strimzi.io/cluster']);

const kafkaTopic = resource('kafka.strimzi.io/v1', 'KafkaTopic', strict({
  topicName: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,249}$' },
  partitions: int(1),
  replicas: { type: 'integer', minimum: 1, maximum: 32767 },
  config: stringMap,
}), ['strimzi.io/cluster']);

const operations = { enum: ['Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs', 'DescribeConfigs', 'IdempotentWrite', 'All'] };
const kafkaUser = resource('kafka.strimzi.io/v1', 'KafkaUser', strict({
  authentication: strict({
    type: { enum: ['tls', 'tls-external', 'scram-sha-512'] },
    password: strict({ valueFrom: strict({ secretKeyRef }, ['secretKeyRef']) }, ['valueFrom']),
  }, ['type']),
  authorization: strict({
    type: { const: 'simple' },
    acls: {
      type: 'array',
      items: strict({
        resource: strict({ type: { enum: ['topic', 'group', 'cluster', 'transactionalId'] }, name: str, patternType: { enum: ['literal', 'prefix'] } }, ['type']),
        // `operation` (singular) was removed in the v1 API: only `operations` exists.
        operations: { type: 'array', minItems: 1, uniqueItems: true, items: operations },
        host: str,
        type: { enum: ['allow', 'deny'] },
      }, ['resource', 'operations']),
    },
  }, ['type', 'acls']),
}, ['authentication', 'authorization']), ['strimzi.io/cluster']);

const cnpgCluster = resource('postgresql.cnpg.io/v1', 'Cluster', strict({
  instances: int(1),
  imageName: str,
  primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
  enableSuperuserAccess: bool,
  bootstrap: strict({ initdb: strict({ database: str, owner: str, dataChecksums: bool }) }),
  postgresql: strict({ parameters: { type: 'object', additionalProperties: { type: 'string' } } }),
  storage: strict({ size: str, storageClass: str }, ['size']),
  walStorage: strict({ size: str, storageClass: str }, ['size']),
  resources,
  affinity: strict({ enablePodAntiAffinity: bool, topologyKey: str, podAntiAffinityType: { enum: ['preferred', 'required'] } }),
}, ['instances', 'storage']));

const SCHEMAS: Record<string, Schema> = {
  'kafka.strimzi.io/v1|Kafka': kafka,
  'kafka.strimzi.io/v1|KafkaNodePool': kafkaNodePool,
  'kafka.strimzi.io/v1|KafkaTopic': kafkaTopic,
  'kafka.strimzi.io/v1|KafkaUser': kafkaUser,
  'postgresql.cnpg.io/v1|Cluster': cnpgCluster,
};

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validators = new Map<string, ValidateFunction>(Object.entries(SCHEMAS).map(([key, schema]) => [key, ajv.compile(schema)]));

export const crdKinds = Object.keys(SCHEMAS).map((key) => key.replace('|', '/'));

/** Errors of a Strimzi or CloudNativePG resource against our structural schema; undefined for other kinds. */
export function crdErrors(resource: Resource): string[] | undefined {
  const validate = validators.get(`${resource.apiVersion}|${resource.kind}`);
  if (!validate) return undefined;
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` '${String(e.params['additionalProperty'])}'` : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}
