import { PlatformCheck, topicFamiliesInCode, workspaceRoot } from './index';

// Renders every overlay of the repository with `kubectl kustomize` (offline) once, then checks it.
describe('the Kubernetes manifests of the repository', () => {
  let platform: PlatformCheck;

  beforeAll(() => {
    platform = new PlatformCheck(workspaceRoot);
  });

  it('given config/districts.json, when every Kustomize root renders, then each district, central, staging and the Kafka infrastructure have one', () => {
    const expected = platform.districts.map((d) => `overlays/${d.code}`).concat('overlays/central', 'overlays/staging', 'infra/kafka');
    expect(platform.roots).toEqual(expect.arrayContaining(expected));
    expect(platform.districts.map((d) => d.code)).toEqual(['bruxelles', 'brabant-wallon', 'hainaut', 'liege', 'luxembourg', 'namur']);
    for (const root of platform.roots) expect(platform.resourcesOf(root).length).toBeGreaterThan(0);
  });

  it('given config/districts.json, when read as the services will, then codes are unique and valid, names, divisions and capacities present', () => {
    const codes = platform.districts.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of platform.districts) {
      expect(d.code).toMatch(/^[a-z][a-z0-9-]{1,30}$/);
      expect(d.name.length).toBeGreaterThan(0);
      expect(Array.isArray(d.divisions)).toBe(true);
      expect(Number.isInteger(d.capacity) && d.capacity > 0).toBe(true);
    }
    expect(platform.districts.find((d) => d.code === 'luxembourg')?.divisions).toEqual(['arlon', 'marche-en-famenne', 'neufchateau']);
  });

  it('given the rendered resources, when validated against the kubernetes-models schemas, then none fails and every kind is covered', () => {
    expect(platform.schemaViolations()).toEqual([]);
  });

  it('given the rendered resources, when walked against the declared Kubernetes types, then no field is unknown', () => {
    expect(platform.unknownFieldViolations()).toEqual([]);
  });

  it('given the Strimzi and CloudNativePG resources, when validated against our structural CRD schemas, then none fails', () => {
    expect(platform.crdViolations()).toEqual([]);
  });

  it('given every workload, when the policies run, then containers are hardened with probes and limits, images pinned, namespaces deny by default', () => {
    expect(platform.policyViolations()).toEqual([]);
  });

  it('given the district overlays and the Kafka users, when isolation is checked, then no district reaches another district and central only reads', () => {
    expect(platform.isolationViolations()).toEqual([]);
  });

  it('given the topic families the code publishes and consumes, when each district’s KafkaTopics are compared, then every family has its topic and dead-letter topic and nothing else is declared', () => {
    const families = topicFamiliesInCode(workspaceRoot);
    const names = families.map((f) => `${f.service}.${f.family}.v${f.version}`);
    // The scan must see the three relays' families at least, or it would prove nothing.
    expect(names).toEqual(expect.arrayContaining(['referrals.referral-lifecycle.v1', 'sessions.session-lifecycle.v1', 'assessments.case-assessments.v1']));
    expect(platform.topicViolations(families)).toEqual([]);
  }, 120_000);

  it('given each overlay, when its secret references are compared with secret-references.yaml, then every one is declared and none holds a value', () => {
    expect(platform.secretReferenceViolations()).toEqual([]);
    expect(platform.all.filter((r) => r.kind === 'Secret')).toEqual([]);
  });

  it('given a district database, when its services read DATABASE_URL, then it comes from that namespace’s own CloudNativePG secret', () => {
    for (const { code } of platform.districts) {
      const resources = platform.resourcesOf(`overlays/${code}`);
      const cluster = resources.find((r) => r.kind === 'Cluster');
      expect(cluster?.metadata.namespace).toBe(`lien-${code}`);
      for (const deployment of resources.filter((r) => r.kind === 'Deployment')) {
        const env = JSON.stringify(deployment['spec']);
        expect(env).toContain('"name":"DATABASE_URL","valueFrom":{"secretKeyRef":{"key":"uri","name":"lien-postgres-app"}}');
        expect(deployment.metadata.namespace).toBe(`lien-${code}`);
      }
    }
  });
});
