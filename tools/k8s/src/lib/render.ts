import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** One rendered Kubernetes object, as plain JSON. */
export interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

export const workspaceRoot = resolve(__dirname, '../../../..');

/** Every Kustomize root an operator applies: one overlay per namespace, plus the shared infrastructure. */
export function kustomizeRoots(k8sDir: string): string[] {
  const roots: string[] = [];
  for (const group of ['overlays', 'infra']) {
    const dir = join(k8sDir, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(dir, entry.name, 'kustomization.yaml'))) {
        roots.push(`${group}/${entry.name}`);
      }
    }
  }
  return roots.sort();
}

let kubectlChecked = false;

function requireKubectl(): void {
  if (kubectlChecked) return;
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'pipe' });
    kubectlChecked = true;
  } catch {
    throw new Error(
      'kubectl is not installed: these checks render manifests with `kubectl kustomize` (Kustomize v5). ' +
        'Install kubectl >= 1.27 (it bundles Kustomize), then rerun.',
    );
  }
}

/** Renders one Kustomize root with `kubectl kustomize` (offline) and parses every document. */
export function render(k8sDir: string, root: string): Resource[] {
  requireKubectl();
  const output = execFileSync('kubectl', ['kustomize', join(k8sDir, root)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseManifests(output);
}

export function parseManifests(text: string): Resource[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length) throw new Error(`invalid YAML: ${doc.errors[0]?.message}`);
      return doc.toJSON() as Resource | null;
    })
    .filter((r): r is Resource => r !== null);
}

export const resourceId = (r: Resource): string =>
  `${r.kind}/${r.metadata.namespace ? `${r.metadata.namespace}/` : ''}${r.metadata.name}`;
