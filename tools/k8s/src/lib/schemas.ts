import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Resource, workspaceRoot } from './render';

export interface SchemaReport {
  /** Resource id → schema errors, for every resource kubernetes-models (or its cert-manager package) knows. */
  errors: Map<string, string[]>;
  /** apiVersion/kind pairs no npm-shipped schema covers (our CRD schemas take those). */
  unknownKinds: string[];
}

/** Validates against kubernetes-models' bundled JSON schemas, in a Node >= 22 process (the package is ESM only). */
export function kubernetesSchemaReport(resources: Resource[]): SchemaReport {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) throw new Error(`kubernetes-models 5 needs Node >= 22, this is ${process.version}: run through npx (Node 24)`);
  const output = execFileSync(process.execPath, [join(workspaceRoot, 'tools/k8s/validate-schemas.mjs')], {
    cwd: workspaceRoot,
    input: JSON.stringify(resources),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(output) as { results: Array<{ id: string; errors: string[] }>; unknownKinds: string[] };
  return { errors: new Map(parsed.results.map((r) => [r.id, r.errors])), unknownKinds: parsed.unknownKinds };
}
