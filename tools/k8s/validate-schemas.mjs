#!/usr/bin/env node
// Validates Kubernetes resources (a JSON array on stdin) against the schemas kubernetes-models bundles
// (ESM only, hence a process of its own), and cert-manager resources against @kubernetes-models/cert-manager.
// Prints a JSON array of { id, errors } for every resource it recognised, and lists the kinds it did not.
const MODULES = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'cert-manager.io/v1': '@kubernetes-models/cert-manager/cert-manager.io/v1',
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const resources = JSON.parse(input);
const results = [];
const unknownKinds = new Set();
for (const resource of resources) {
  const id = `${resource.kind}/${resource.metadata?.namespace ?? ''}/${resource.metadata?.name}`;
  const moduleName = MODULES[resource.apiVersion];
  const Model = moduleName ? (await import(moduleName))[resource.kind] : undefined;
  if (!Model) {
    unknownKinds.add(`${resource.apiVersion}/${resource.kind}`);
    continue;
  }
  try {
    new Model(resource).validate();
    results.push({ id, errors: [] });
  } catch (error) {
    const details = (error.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    results.push({ id, errors: details.length ? details : [String(error.message ?? error)] });
  }
}
process.stdout.write(JSON.stringify({ results, unknownKinds: [...unknownKinds].sort() }));
