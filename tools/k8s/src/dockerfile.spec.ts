import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPinnedBase, lineage, parseDockerfile, workspaceRoot } from './index';

const SERVICES = ['referrals', 'sessions', 'assessments', 'reporting'];
const dockerfile = readFileSync(join(workspaceRoot, 'deploy/Dockerfile'), 'utf8');
const stages = parseDockerfile(dockerfile);
const stageNames = new Set(stages.map((s) => s.name));
const packageJson = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

describe('deploy/Dockerfile', () => {
  it('given the Dockerfile, when its stages are read, then it is multi-stage with one target per service', () => {
    expect(stages.length).toBeGreaterThanOrEqual(4);
    for (const service of SERVICES) expect(stageNames).toContain(service);
  });

  it('given every external base image, when its reference is read, then it is pinned to a version or digest, Node 24 as in package.json', () => {
    const external = stages.map((s) => s.base).filter((base) => !stageNames.has(base));
    expect(external.filter((base) => !isPinnedBase(base))).toEqual([]);
    const nodeBases = external.filter((base) => base.startsWith('node:'));
    expect(nodeBases.length).toBeGreaterThan(0);
    for (const base of nodeBases) expect(base).toMatch(new RegExp(`^node:${packageJson.devDependencies['node']?.replace(/\./g, '\\.')}-(bookworm|trixie)-slim$`));
  });

  it.each(SERVICES)('given the %s target, when its final stages are read, then it starts its own bundle as a numeric non-root user', (service) => {
    const chain = lineage(stages, service);
    const instructions = chain.flatMap((s) => s.instructions);
    const user = [...instructions].find((i) => i.keyword === 'USER')?.args ?? '';
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(':')[0])).toBeGreaterThan(0);
    expect(chain[0]?.instructions.find((i) => i.keyword === 'CMD')?.args).toContain(`dist/apps/${service}/src/main.js`);
  });

  it.each(SERVICES)('given the %s target, when the stages it runs on are read, then none installs packages and a health check is declared', (service) => {
    const chain = lineage(stages, service);
    const runs = chain.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN');
    expect(runs).toEqual([]);
    expect(chain.flatMap((s) => s.instructions).some((i) => i.keyword === 'HEALTHCHECK' && i.args.includes('/health/live'))).toBe(true);
    expect(chain[chain.length - 1]?.base).toBe('scratch');
  });

  it('given the runtime, when its files are traced to their stages, then only the production dependencies, dist, package.json and config arrive, on a root without package managers', () => {
    const runtime = stages.find((s) => s.name === 'runtime');
    const copies = runtime?.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args) ?? [];
    expect(copies).toEqual([
      '--from=runtime-rootfs / /',
      '--from=deps --chown=0:0 /app/node_modules ./node_modules',
      '--from=build --chown=0:0 /app/dist ./dist',
      '--chown=0:0 package.json ./',
      '--from=config --chown=0:0 /config ./config',
    ]);
    expect(stages.find((s) => s.name === 'deps')?.instructions.find((i) => i.keyword === 'RUN')?.args).toMatch(/npm ci --omit=dev/);
    const strip = stages.find((s) => s.name === 'runtime-rootfs')?.instructions.find((i) => i.keyword === 'RUN')?.args ?? '';
    for (const tool of ['/usr/local/bin/npm', '/usr/local/bin/npx', '/usr/local/bin/corepack', '/usr/bin/apt', '/usr/bin/dpkg', '/usr/local/lib/node_modules']) expect(strip).toContain(tool);
  });

  it('given the services read config/ from their working directory, when the runtime is read, then the whole folder lands in /app/config, owned by root and read-only for everyone', () => {
    const runtime = stages.find((s) => s.name === 'runtime');
    expect(runtime?.instructions.filter((i) => i.keyword === 'WORKDIR').map((i) => i.args)).toEqual(['/app']);
    const config = stages.find((s) => s.name === 'config');
    expect(config?.base).toMatch(/^node:\d+\.\d+\.\d+-/);
    expect(config?.instructions.map((i) => `${i.keyword} ${i.args}`)).toEqual(['COPY config /config', 'RUN chmod -R a=rX /config']);
    expect(runtime?.instructions.find((i) => i.args.endsWith(' ./config'))?.args).toBe('--from=config --chown=0:0 /config ./config');
  });

  it('given deploy/Dockerfile.dockerignore, when read, then the build context leaves out node_modules, .git, dist and local secrets, and lets config/ in', () => {
    const ignore = readFileSync(join(workspaceRoot, 'deploy/Dockerfile.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(ignore[ignore.findIndex((l) => !l.startsWith('#') && l)]).toBe('**');
    for (const entry of ['**/node_modules', '.git', '**/dist', '.env']) expect(ignore).toContain(entry);
    for (const allowed of ['!apps/**', '!libs/**', '!config/**']) expect(ignore).toContain(allowed);
    // No later pattern shuts config/ out again (the last matching line wins).
    const after = ignore.slice(ignore.indexOf('!config/**') + 1).filter((l) => l && !l.startsWith('#'));
    expect(after.filter((l) => /^(config|\*\*\/\*\.json|\*\*\/config)/.test(l))).toEqual([]);
  });
});

describe('the image and its Deployment', () => {
  it('given the Dockerfile user and the base Deployment, when compared, then the pod runs as the image user', () => {
    const deployment = readFileSync(join(workspaceRoot, 'k8s/base/api/deployment.yaml'), 'utf8');
    const user = lineage(stages, 'referrals').flatMap((s) => s.instructions).find((i) => i.keyword === 'USER')?.args.split(':')[0];
    expect(deployment).toContain(`runAsUser: ${user}`);
    expect(deployment).not.toMatch(/runAsUser: (?!\d*[1-9])/);
  });
});
