import {
  centralReaderViolations,
  containerHardeningViolations,
  crdErrors,
  imagePinViolations,
  kafkaIsolationViolations,
  namespacesWithoutDefaultDeny,
  overlayIsolationViolations,
  Resource,
  UnknownFieldChecker,
  undeclaredSecretRefs,
} from './index';

// Each check is shown to bite on a small, deliberately wrong resource.
const deployment = (container: Record<string, unknown>, pod: Record<string, unknown> = {}): Resource => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'lien-a' },
  spec: { template: { spec: { ...pod, containers: [{ name: 'web', image: 'web:1.0.0', ...container }] } } },
});
const hardened = {
  livenessProbe: { httpGet: { path: '/health/live', port: 3000 } },
  readinessProbe: { httpGet: { path: '/health/ready', port: 3000 } },
  resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '1', memory: '64Mi' } },
  securityContext: {
    runAsNonRoot: true, runAsUser: 10001, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' },
  },
};
const kafkaUser = (name: string, district: string, acls: unknown[]): Resource => ({
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaUser',
  metadata: { name, namespace: 'lien-kafka', labels: { 'strimzi.io/cluster': 'lien', 'lien.be/district': district } },
  spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls } },
});
const acl = (type: string, name: string, operations = ['Read']) => ({ resource: { type, name, patternType: 'prefix' }, operations });

describe('deployment policies', () => {
  it('given a hardened container, when checked, then no violation is reported', () => {
    expect(containerHardeningViolations([deployment(hardened)])).toEqual([]);
  });

  it('given a container without probes, limits or a non-root user, when checked, then each gap is reported', () => {
    const violations = containerHardeningViolations([deployment({ ...hardened, livenessProbe: undefined, resources: {}, securityContext: { ...hardened.securityContext, runAsUser: 0 } })]);
    expect(violations.join('\n')).toMatch(/liveness and readiness probes/);
    expect(violations.join('\n')).toMatch(/cpu request and limit/);
    expect(violations.join('\n')).toMatch(/non-root/);
  });

  it('given a writable root filesystem or kept capabilities, when checked, then the container is refused', () => {
    const violations = containerHardeningViolations([deployment({ ...hardened, securityContext: { runAsNonRoot: true } })]);
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(/readOnlyRootFilesystem/), expect.stringMatching(/drop ALL/), expect.stringMatching(/allowPrivilegeEscalation/), expect.stringMatching(/seccomp/)]));
  });

  it('given images tagged latest, untagged or only by name, when checked, then each is reported; a version or digest passes', () => {
    const images = ['web:latest', 'web', 'registry:5000/web', 'web:1.2.3', `web@sha256:${'a'.repeat(64)}`];
    const violations = imagePinViolations(images.map((image) => deployment({ image })));
    expect(violations.filter((v) => v.includes('not pinned')).map((v) => v.match(/image (\S+)/)?.[1])).toEqual(['web:latest', 'web', 'registry:5000/web']);
  });

  it('given a namespace whose only policy allows DNS, when checked, then it lacks a default deny', () => {
    const allowDns: Resource = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'dns', namespace: 'lien-a' }, spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{}] } };
    expect(namespacesWithoutDefaultDeny([deployment(hardened), allowDns])).toEqual(['namespace lien-a has no default-deny NetworkPolicy']);
  });
});

describe('district isolation', () => {
  it('given an overlay naming another district’s namespace or topics, when checked, then the leak is reported', () => {
    const leaking = deployment({ ...hardened, env: [{ name: 'KAFKA_TOPIC_PREFIX', value: 'lien.b.' }, { name: 'X', value: 'kurrentdb.lien-b.svc' }] });
    expect(overlayIsolationViolations('a', [leaking], ['a', 'b'])).toHaveLength(2);
    expect(overlayIsolationViolations('a', [deployment(hardened)], ['a', 'b'])).toEqual([]);
  });

  it('given a network policy opening another lien namespace, when checked, then it is reported', () => {
    const open: Resource = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'x', namespace: 'lien-a' }, spec: { podSelector: {}, egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'lien-other' } } }] }] } };
    expect(overlayIsolationViolations('a', [open], ['a'])).toEqual(['NetworkPolicy/lien-a/x: opens namespace lien-other']);
  });

  it('given a district Kafka user with an ACL on another prefix, a wildcard or the cluster, when checked, then each is reported', () => {
    const user = kafkaUser('lien-a', 'a', [acl('topic', 'lien.a.'), acl('topic', 'lien.'), acl('group', 'lien.b.'), acl('topic', 'lien.a.*'), acl('cluster', 'kafka-cluster')]);
    expect(kafkaIsolationViolations('a', [user])).toHaveLength(4);
  });

  it('given a central user that may write or owns foreign groups, when checked, then it is refused', () => {
    const central = kafkaUser('lien-central', 'central', [acl('topic', 'lien.', ['Read', 'Write']), acl('group', 'lien.a.')]);
    expect(centralReaderViolations([central])).toEqual(['lien-central: Write on topic lien.', 'lien-central: group lien.a. outside lien.central.']);
  });

  it('given a secret reference missing from secret-references.yaml, when checked, then it is reported', () => {
    const withSecret = deployment({ ...hardened, env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'uri' } } }] });
    expect(undeclaredSecretRefs([withSecret], [])).toEqual(['Deployment/lien-a/web: secret lien-a/db key uri is not declared']);
    expect(undeclaredSecretRefs([withSecret], [{ namespace: 'lien-a', name: 'db', keys: ['uri'] }])).toEqual([]);
  });
});

describe('schemas of our own making', () => {
  it('given a Service with a misspelt field, when walked against the Kubernetes types, then the field is reported', () => {
    const service: Resource = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', labels: { a: 'b' } }, spec: { selectr: { app: 'x' }, ports: [{ port: 80, targetPortt: 3000 }] } };
    expect(new UnknownFieldChecker([service]).unknownFields(service)).toEqual(['spec.selectr', 'spec.ports[0].targetPortt']);
  });

  it('given a KafkaUser using the removed singular operation, when validated, then our Strimzi v1 schema refuses it', () => {
    const user = kafkaUser('lien-a', 'a', [{ resource: { type: 'topic', name: 'lien.a.', patternType: 'prefix' }, operation: 'Read' }]);
    expect(crdErrors(user)?.join('\n')).toMatch(/operations|operation/);
  });

  it('given a CloudNativePG Cluster with a misspelt field, when validated, then our schema names it', () => {
    const cluster: Resource = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'pg' }, spec: { instances: 3, storage: { size: '1Gi' }, imagename: 'x' } };
    expect(crdErrors(cluster)).toEqual(["/spec must NOT have additional properties 'imagename'"]);
  });
});
