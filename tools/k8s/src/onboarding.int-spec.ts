import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PlatformCheck, topicFamiliesInCode, workspaceRoot } from './index';

// The generator runs on a temporary copy of k8s/ and config/: the real tree is never written.
const GENERATOR = join(workspaceRoot, 'tools/onboard-district/onboard.mjs');

function copyOfRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'lien-onboard-'));
  for (const entry of ['k8s', 'config', 'package.json']) cpSync(join(workspaceRoot, entry), join(root, entry), { recursive: true });
  return root;
}

// Without the test runner's NODE_OPTIONS (e.g. --experimental-vm-modules): the CLI runs as an operator runs it.
const { NODE_OPTIONS: _ignored, ...cliEnv } = process.env;

function onboard(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [GENERATOR, '--root', root, ...args], { encoding: 'utf8', env: cliEnv });
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('onboarding a district with tools/onboard-district', () => {
  let root: string;
  const realConfig = readFileSync(join(workspaceRoot, 'config/districts.json'), 'utf8');

  beforeAll(() => {
    root = copyOfRepository();
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    expect(readFileSync(join(workspaceRoot, 'config/districts.json'), 'utf8')).toBe(realConfig);
  });

  it('given the six districts, when a seventh fictitious one is onboarded, then it gets a config entry, an overlay, topics, a user and secret references', () => {
    const result = onboard(root, '--code', 'ardenne-test', '--name', 'Ardenne (fictif)', '--divisions', 'bastogne,houffalize', '--capacity', '12');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const config = JSON.parse(readFileSync(join(root, 'config/districts.json'), 'utf8')) as { districts: Array<{ code: string }> };
    expect(config.districts).toHaveLength(7);
    expect(config.districts[6]).toEqual({ code: 'ardenne-test', name: 'Ardenne (fictif)', divisions: ['bastogne', 'houffalize'], capacity: 12 });
    expect(files(join(root, 'k8s/overlays/ardenne-test'))).toEqual(['kurrentdb-certificate.yaml', 'kustomization.yaml', 'secret-references.yaml']);
    expect(files(join(root, 'k8s/infra/kafka/districts/ardenne-test'))).toEqual(['kustomization.yaml', 'topics.yaml', 'user.yaml']);
    expect(readFileSync(join(root, 'k8s/infra/kafka/kustomization.yaml'), 'utf8')).toContain('  - districts/ardenne-test\n');
  });

  it('given the seventh district, when every overlay renders and every check runs, then all pass and it is isolated like the others', () => {
    const platform = new PlatformCheck(root);
    expect(platform.roots).toContain('overlays/ardenne-test');
    expect(platform.districts.map((d) => d.code)).toContain('ardenne-test');
    expect(platform.schemaViolations()).toEqual([]);
    expect(platform.unknownFieldViolations()).toEqual([]);
    expect(platform.crdViolations()).toEqual([]);
    expect(platform.policyViolations()).toEqual([]);
    expect(platform.isolationViolations()).toEqual([]);
    expect(platform.secretReferenceViolations()).toEqual([]);
    expect(platform.topicViolations(topicFamiliesInCode(workspaceRoot))).toEqual([]);
    const user = platform.resourcesOf('infra/kafka').find((r) => r.kind === 'KafkaUser' && r.metadata.name === 'lien-ardenne-test');
    const names = JSON.stringify(user?.['spec']).match(/"name":"[^"]*"/g);
    expect(names).toEqual(['"name":"lien-ardenne-test-kafka-password"', '"name":"lien.ardenne-test."', '"name":"lien.ardenne-test."', '"name":"lien.ardenne-test."']);
  }, 120_000);

  it('given the committed topics files, when --refresh-topics runs, then none changes: each is what the generator writes from RELAY_TOPICS', () => {
    const result = onboard(root, '--refresh-topics');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('every topics file is up to date\n');
  });

  it('given a district whose topics file lost a topic, when --refresh-topics runs, then that file alone is rewritten in full', () => {
    const file = join(root, 'k8s/infra/kafka/districts/namur/topics.yaml');
    const complete = readFileSync(file, 'utf8');
    writeFileSync(file, complete.slice(0, complete.lastIndexOf('---')));
    const result = onboard(root, '--refresh-topics');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('rewrote the topics of:\n  k8s/infra/kafka/districts/namur/topics.yaml\n');
    expect(readFileSync(file, 'utf8')).toBe(complete);
  });

  it.each([
    [['--code', 'namur', '--name', 'Namur bis'], "onboard-district: district 'namur' already exists in config/districts.json"],
    [['--code', 'ardenne-test', '--name', 'Again'], "onboard-district: district 'ardenne-test' already exists in config/districts.json"],
    [['--code', 'Verviers', '--name', 'V'], "onboard-district: invalid district code 'Verviers': expected ^[a-z][a-z0-9-]{1,30}$"],
    [['--code', 'v', '--name', 'V'], "onboard-district: invalid district code 'v': expected ^[a-z][a-z0-9-]{1,30}$"],
    [['--code', 'verviers-', '--name', 'V'], "onboard-district: invalid district code 'verviers-': no trailing or double hyphen (namespace lien-verviers-)"],
    [['--code', 'central', '--name', 'C'], "onboard-district: invalid district code 'central': reserved by the platform"],
    [['--code', 'verviers', '--name', 'V', '--divisions', 'a b'], "onboard-district: invalid division code 'a b': expected ^[a-z][a-z0-9-]{0,30}$"],
    [['--name', 'V'], 'onboard-district: missing --code'],
  ])('given %j, when onboarding, then it fails with one line and writes nothing', (args, message) => {
    const before = files(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]);
    const result = onboard(root, ...args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\n`);
    expect(files(root).map((f) => [f, readFileSync(join(root, f), 'utf8')])).toEqual(before);
  });

  it('given a repository copy, when the generator is used through npx node as documented, then it prints what it wrote', () => {
    const other = copyOfRepository();
    try {
      const out = execFileSync('npx', ['node', GENERATOR, '--root', other, '--code', 'verviers', '--name', 'Verviers', '--divisions', 'a,b'], { cwd: workspaceRoot, encoding: 'utf8', env: cliEnv });
      expect(out).toContain('onboarded district verviers (namespace lien-verviers)');
      expect(out).toContain('k8s/overlays/verviers/secret-references.yaml');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
