import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { crdErrors, crdKinds } from './crd-schemas';
import { centralReaderViolations, kafkaIsolationViolations, overlayIsolationViolations, undeclaredSecretRefs } from './isolation';
import {
  containerHardeningViolations,
  imagePinViolations,
  namespacesWithoutDefaultDeny,
  operandResourceViolations,
} from './policies';
import { topicDeclarationViolations, TopicFamily } from './relay-topics';
import { kustomizeRoots, render, Resource, resourceId } from './render';
import { kubernetesSchemaReport } from './schemas';
import { UnknownFieldChecker } from './unknown-fields';

export interface District {
  code: string;
  name: string;
  divisions: string[];
  capacity: number;
}

/** Renders every Kustomize root of a repository (or a copy of it) and runs every check on the result. */
export class PlatformCheck {
  readonly roots: string[];
  readonly rendered = new Map<string, Resource[]>();
  readonly districts: District[];

  constructor(readonly repoRoot: string) {
    const k8s = join(repoRoot, 'k8s');
    this.roots = kustomizeRoots(k8s);
    for (const root of this.roots) this.rendered.set(root, render(k8s, root));
    this.districts = (JSON.parse(readFileSync(join(repoRoot, 'config/districts.json'), 'utf8')) as { districts: District[] }).districts;
  }

  get all(): Resource[] {
    return [...this.rendered.values()].flat();
  }

  resourcesOf(root: string): Resource[] {
    const resources = this.rendered.get(root);
    if (!resources) throw new Error(`no Kustomize root ${root}`);
    return resources;
  }

  schemaViolations(): string[] {
    const report = kubernetesSchemaReport(this.all);
    const out = [...report.errors].flatMap(([id, errors]) => errors.map((e) => `${id}: ${e}`));
    const uncovered = report.unknownKinds.filter((k) => !crdKinds.includes(k));
    return out.concat(uncovered.map((k) => `${k}: no schema covers this kind`));
  }

  unknownFieldViolations(): string[] {
    const checker = new UnknownFieldChecker(this.all);
    return this.all.flatMap((r) => checker.unknownFields(r).map((path) => `${resourceId(r)}: unknown field ${path}`));
  }

  crdViolations(): string[] {
    return this.all.flatMap((r) => (crdErrors(r) ?? []).map((e) => `${resourceId(r)}: ${e}`));
  }

  policyViolations(): string[] {
    const all = this.all;
    return [
      ...containerHardeningViolations(all),
      ...operandResourceViolations(all),
      ...imagePinViolations(all),
      ...namespacesWithoutDefaultDeny(all),
    ];
  }

  isolationViolations(): string[] {
    const codes = this.districts.map((d) => d.code).concat('central', 'staging');
    const kafka = this.resourcesOf('infra/kafka');
    const out: string[] = [];
    for (const { code } of this.districts) {
      out.push(...overlayIsolationViolations(code, this.resourcesOf(`overlays/${code}`), codes));
      out.push(...kafkaIsolationViolations(code, kafka));
    }
    out.push(...overlayIsolationViolations('central', this.resourcesOf('overlays/central'), codes));
    out.push(...overlayIsolationViolations('staging', this.resourcesOf('overlays/staging'), codes));
    out.push(...kafkaIsolationViolations('staging', this.resourcesOf('overlays/staging')));
    out.push(...centralReaderViolations(kafka));
    return out;
  }

  /**
   * Every district (and staging) declares, as KafkaTopics, exactly the topics the code uses: each family's
   * topic and its dead-letter topic. The brokers create nothing on their own (auto.create.topics.enable
   * false) and no district user may create topics, so a missing declaration would stop a relay or consumer.
   */
  topicViolations(families: TopicFamily[]): string[] {
    const declared = (resources: Resource[], code: string) =>
      resources
        .filter((r) => r.kind === 'KafkaTopic' && r.metadata.labels?.['lien.be/district'] === code)
        .map((r) => String((r['spec'] as { topicName?: string } | undefined)?.topicName ?? r.metadata.name));
    const kafka = this.resourcesOf('infra/kafka');
    const staging = this.resourcesOf('overlays/staging');
    const out = this.districts.flatMap(({ code }) => topicDeclarationViolations(code, declared(kafka, code), families));
    out.push(...topicDeclarationViolations('staging', declared(staging, 'staging'), families));
    for (const cluster of [...kafka, ...staging].filter((r) => r.kind === 'Kafka')) {
      const config = (cluster['spec'] as { kafka?: { config?: Record<string, unknown> } } | undefined)?.kafka?.config ?? {};
      if (config['auto.create.topics.enable'] !== false) out.push(`${resourceId(cluster)}: auto.create.topics.enable is not false`);
    }
    return out;
  }

  /** Each overlay declares, in secret-references.yaml, every secret its objects and its Kafka user reference. */
  secretReferenceViolations(): string[] {
    return this.roots
      .filter((root) => root.startsWith('overlays/'))
      .flatMap((root) => {
        const code = root.slice('overlays/'.length);
        const file = join(this.repoRoot, 'k8s', root, 'secret-references.yaml');
        const declared = (parse(readFileSync(file, 'utf8')) as { secrets: Array<{ namespace: string; name: string; keys: string[] }> }).secrets;
        const kafkaUser = this.resourcesOf('infra/kafka').filter((r) => r.kind === 'KafkaUser' && r.metadata.name === `lien-${code}`);
        return undeclaredSecretRefs([...this.resourcesOf(root), ...kafkaUser], declared);
      });
  }
}
