import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kafkaIsolationViolations, productionSources, Resource, topicDeclarationViolations, topicFamiliesInCode } from './index';

// A small repository on disk: contracts, a translator, a relay and a consumer, plus what the scan must ignore.
const FILES: Record<string, string> = {
  'tsconfig.base.json': JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', target: 'es2022' } }),
  'libs/billing/contracts/project.json': JSON.stringify({ name: 'billing-contracts', tags: ['scope:billing', 'type:contracts'] }),
  'libs/billing/contracts/src/index.ts': "export const INVOICE_FAMILY = 'invoice-lifecycle';\nexport const INVOICE_VERSION = 2;\n",
  'libs/billing/application/project.json': JSON.stringify({ name: 'billing-application', tags: ['scope:billing', 'type:application'] }),
  'libs/billing/application/src/translator.ts': [
    "import { INVOICE_FAMILY, INVOICE_VERSION } from '../../contracts/src/index';",
    'export const translateInvoice = (type: string) => ({ family: INVOICE_FAMILY, familyVersion: INVOICE_VERSION, type, data: {} });',
    // Generic plumbing: values that are not literals name no family.
    'export const address = (family: string, version: number) => ({ service: \'billing\', family, version });',
  ].join('\n'),
  'libs/billing/application/src/consumer.ts': "export const topics = [{ service: 'payments', family: 'payment-lifecycle', version: 1 }];\n",
  'apps/billing/project.json': JSON.stringify({ name: 'billing', tags: ['scope:billing', 'type:app'] }),
  'apps/billing/src/main.ts': [
    "import { translateInvoice } from '../../../libs/billing/application/src/translator';",
    'class Relay { constructor(readonly options: { service: string; translate: unknown }) {} }',
    "export const relay = new Relay({ service: 'invoicing', translate: translateInvoice });",
  ].join('\n'),
  'apps/billing/src/main.spec.ts': "export const ignored = { service: 'x', family: 'from-a-test', version: 1 };\n",
  'libs/billing/testing/project.json': JSON.stringify({ name: 'billing-testing', tags: ['scope:billing', 'type:testing'] }),
  'libs/billing/testing/src/index.ts': "export const ignored = { family: 'from-testing', familyVersion: 1 };\n",
};

describe('topic families in the code against the declared topics', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'lien-topics-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('given contracts, a relay and a consumer, when the code is scanned, then each family is found with the relay’s service and tests are ignored', () => {
    expect(productionSources(root).map((f) => f.slice(root.length + 1))).toEqual([
      'apps/billing/src/main.ts', 'libs/billing/application/src/consumer.ts', 'libs/billing/application/src/translator.ts', 'libs/billing/contracts/src/index.ts',
    ]);
    expect(topicFamiliesInCode(root).map(({ service, family, version }) => ({ service, family, version }))).toEqual([
      { service: 'invoicing', family: 'invoice-lifecycle', version: 2 },
      { service: 'payments', family: 'payment-lifecycle', version: 1 },
    ]);
  });

  it('given a family in the code with no declared topic, when a district is checked, then its topic and dead-letter topic are reported missing', () => {
    const families = topicFamiliesInCode(root);
    const declared = ['lien.a.payments.payment-lifecycle.v1', 'lien.a.payments.payment-lifecycle.v1.dlq'];
    const violations = topicDeclarationViolations('a', declared, families);
    expect(violations).toHaveLength(2);
    expect(violations[0]).toMatch(/^district a: no KafkaTopic lien\.a\.invoicing\.invoice-lifecycle\.v2, the topic of invoicing invoice-lifecycle v2 \(apps\/billing|libs\/billing/);
    expect(violations[1]).toMatch(/no KafkaTopic lien\.a\.invoicing\.invoice-lifecycle\.v2\.dlq/);
  });

  it('given a declared topic no code uses, or one without its dead-letter topic, when checked, then both are reported; the exact set passes', () => {
    const families = [{ service: 's', family: 'f', version: 1, where: 'x.ts:1' }];
    expect(topicDeclarationViolations('a', ['lien.a.s.f.v1', 'lien.a.s.events'], families)).toEqual([
      'district a: no KafkaTopic lien.a.s.f.v1.dlq, the dead letters of s f v1 (x.ts:1)',
      'district a: KafkaTopic lien.a.s.events matches no topic family in the code',
    ]);
    expect(topicDeclarationViolations('a', ['lien.a.s.f.v1', 'lien.a.s.f.v1.dlq'], families)).toEqual([]);
  });

  it('given a district user allowed to create, alter or delete topics under its own prefix, when checked, then it is refused', () => {
    const user: Resource = {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaUser',
      metadata: { name: 'lien-a', labels: { 'lien.be/district': 'a' } },
      spec: { authorization: { type: 'simple', acls: [{ resource: { type: 'topic', name: 'lien.a.', patternType: 'prefix' }, operations: ['Read', 'Write', 'Create', 'Delete', 'Alter'] }] } },
    };
    expect(kafkaIsolationViolations('a', [user])).toEqual(["KafkaUser lien-a: Create, Delete, Alter on topic 'lien.a.' (only read and write)"]);
  });
});
