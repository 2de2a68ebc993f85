// Text of every file one district needs. Pure functions of the district, so a test can compare them.

export const SERVICES = ['referrals', 'sessions', 'assessments', 'reporting'];
export const IMAGE_REPOSITORY = 'ghcr.io/clinique-du-lien/lien-';
/**
 * Every topic a relay publishes, per district: `lien.<code>.<service>.<family>.v<version>`, as
 * `topicName` in libs/shared/messaging builds it. The one list of contract families for the manifests:
 * tools/k8s compares it with the families the code publishes and consumes, and with every district's
 * rendered KafkaTopics, so a new family cannot ship without its topics.
 */
export const RELAY_TOPICS = [
  { service: 'referrals', family: 'referral-lifecycle', version: 1 },
  { service: 'sessions', family: 'session-lifecycle', version: 1 },
  { service: 'assessments', family: 'case-assessments', version: 1 },
];
/** A consumer group's dead letters go to `<topic>.dlq` (`deadLetterTopic` in libs/shared/messaging). */
export const DEAD_LETTER_SUFFIX = '.dlq';

export const relayTopicName = (code, { service, family, version }) => `lien.${code}.${service}.${family}.v${version}`;

/**
 * Every topic one district needs: each relay topic (6 partitions) and its dead-letter topic (1 partition,
 * as the consumers would create it). Declared here because the district's Kafka user may not create
 * topics: a topic missing from this list is refused by the brokers, not created with defaults.
 */
export function districtTopics(code) {
  return RELAY_TOPICS.flatMap((topic) => {
    const name = relayTopicName(code, topic);
    return [{ name, partitions: 6 }, { name: `${name}${DEAD_LETTER_SUFFIX}`, partitions: 1 }];
  });
}

const header = (district) =>
  `# District ${district.name} (${district.code}): written by tools/onboard-district; edit freely afterwards.\n`;

export function overlayKustomization(district, imageTag) {
  const images = SERVICES.map(
    (service) => `  - name: ${IMAGE_REPOSITORY}${service}\n    newTag: ${imageTag}\n`,
  ).join('');
  return `${header(district)}apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: lien-${district.code}
resources:
  - ../../base/district
labels:
  - pairs:
      lien.be/district: ${district.code}
    includeTemplates: true
configMapGenerator:
  - name: lien-config
    behavior: merge
    literals:
      - LIEN_DISTRICT=${district.code}
      - KAFKA_SASL_USERNAME=lien-${district.code}
      - KAFKA_TOPIC_PREFIX=lien.${district.code}.
      - OIDC_ISSUER_URL=https://auth.lien.example/realms/lien-${district.code}
# Each district pins its own image versions, so a release rolls out one district at a time.
images:
${images}patches:
  - path: kurrentdb-certificate.yaml
`;
}

export function kurrentdbCertificatePatch(district) {
  const ns = `lien-${district.code}`;
  return `${header(district)}apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: kurrentdb-tls
spec:
  dnsNames:
    - "*.kurrentdb-headless.${ns}.svc.cluster.local"
    - kurrentdb.${ns}.svc.cluster.local
`;
}

/** Secrets the overlay references by name; their values live in the district's vault, never in git. */
export function secretReferences(district) {
  const ns = `lien-${district.code}`;
  return `${header(district)}# Not a Kubernetes resource: the list of secrets this district needs (names and keys only).
district: ${district.code}
secrets:
  - namespace: ${ns}
    name: lien-kafka-credentials
    keys: [password]
    createdBy: operator, from the district vault (same value as lien-kafka/lien-${district.code}-kafka-password)
  - namespace: lien-kafka
    name: lien-${district.code}-kafka-password
    keys: [password]
    createdBy: operator, from the district vault
  - namespace: ${ns}
    name: lien-kurrentdb-credentials
    keys: [admin-password, ops-password, url]
    createdBy: operator, from the district vault
  - namespace: ${ns}
    name: lien-postgres-app
    keys: [uri]
    createdBy: CloudNativePG (Cluster lien-postgres)
  - namespace: ${ns}
    name: kurrentdb-tls
    keys: [tls.crt, tls.key, ca.crt]
    createdBy: cert-manager (Certificate kurrentdb-tls)
`;
}

export function kafkaKustomization(district) {
  return `${header(district)}apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - topics.yaml
  - user.yaml
`;
}

/** The district's topics; staging passes `{ replicas: 1 }` for its one-node cluster. */
export function kafkaTopics(district, { replicas = 3 } = {}) {
  const note = `# District ${district.name} (${district.code}): written by tools/onboard-district from RELAY_TOPICS;\n` +
    '# `onboard.mjs --refresh-topics` rewrites it for every district when a contract family is added.\n';
  return note + districtTopics(district.code).map(({ name, partitions }) => `---
apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: lien
    lien.be/district: ${district.code}
spec:
  topicName: ${name}
  partitions: ${partitions}
  replicas: ${replicas}
  config:
    min.insync.replicas: ${Math.min(2, replicas)}
    cleanup.policy: delete
    retention.ms: 7776000000
`).join('');
}

/**
 * The district's Kafka user: SCRAM, and ACLs on its own prefix `lien.<code>.` only. No Create, Alter or
 * Delete: the topics are the KafkaTopics above, so a service cannot make a topic the manifests lack.
 */
export function kafkaUser(district) {
  const prefix = `lien.${district.code}.`;
  return `${header(district)}apiVersion: kafka.strimzi.io/v1
kind: KafkaUser
metadata:
  name: lien-${district.code}
  labels:
    strimzi.io/cluster: lien
    lien.be/district: ${district.code}
spec:
  authentication:
    type: scram-sha-512
    password:
      valueFrom:
        secretKeyRef:
          name: lien-${district.code}-kafka-password
          key: password
  authorization:
    type: simple
    acls:
      - resource: { type: topic, name: ${prefix}, patternType: prefix }
        operations: [Read, Write, Describe, DescribeConfigs]
      - resource: { type: group, name: ${prefix}, patternType: prefix }
        operations: [Read, Describe]
      - resource: { type: transactionalId, name: ${prefix}, patternType: prefix }
        operations: [Write, Describe]
`;
}
