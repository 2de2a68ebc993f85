import { join } from 'node:path';
import ts from 'typescript';
import { Resource, workspaceRoot } from './render';

/**
 * kubernetes-models' JSON schemas accept unknown fields (no additionalProperties: false), so a typo such
 * as `spec.selectr` passes them. This walks each resource against the TypeScript declarations the same
 * package ships and reports every field its type does not declare.
 */
const MODULES: Record<string, string> = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'cert-manager.io/v1': '@kubernetes-models/cert-manager/cert-manager.io/v1',
};

export const checkedApiVersions = Object.keys(MODULES);

export class UnknownFieldChecker {
  private readonly checker: ts.TypeChecker;
  private readonly types = new Map<string, ts.Type>();

  constructor(kinds: Array<{ apiVersion: string; kind: string }>) {
    const wanted = [...new Map(kinds.filter((k) => MODULES[k.apiVersion]).map((k) => [`${k.apiVersion}|${k.kind}`, k])).values()];
    const lines = wanted.map(
      (k, i) => `import type { I${k.kind} as T${i} } from '${MODULES[k.apiVersion]}';\nexport type R${i} = T${i};`,
    );
    const fileName = join(workspaceRoot, 'tmp', '__k8s_types__.ts');
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const source = ts.createSourceFile(fileName, lines.join('\n'), ts.ScriptTarget.ES2022, true);
    const readSource = host.getSourceFile.bind(host);
    host.getSourceFile = (name, ...rest) => (name === fileName ? source : readSource(name, ...rest));
    const program = ts.createProgram([fileName], options, host);
    this.checker = program.getTypeChecker();
    const moduleSymbol = this.checker.getSymbolAtLocation(source);
    const exports = moduleSymbol ? this.checker.getExportsOfModule(moduleSymbol) : [];
    wanted.forEach((k, i) => {
      const symbol = exports.find((e) => e.name === `R${i}`);
      if (symbol) this.types.set(`${k.apiVersion}|${k.kind}`, this.checker.getDeclaredTypeOfSymbol(symbol));
    });
  }

  /** Paths of fields the resource's declared type does not know, e.g. `spec.selectr`. */
  unknownFields(resource: Resource): string[] {
    const type = this.types.get(`${resource.apiVersion}|${resource.kind}`);
    if (!type) return [];
    const found: string[] = [];
    this.walk(resource, type, '', found);
    return found;
  }

  private objectMember(type: ts.Type): ts.Type | undefined {
    const t = this.checker.getNonNullableType(type);
    if (!t.isUnion()) return t;
    const objects = t.types.filter((member) => member.flags & ts.TypeFlags.Object);
    return objects.length === 1 ? objects[0] : undefined;
  }

  private walk(value: unknown, declared: ts.Type, path: string, found: string[]): void {
    if (value === null || typeof value !== 'object') return;
    const type = this.objectMember(declared);
    if (!type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (Array.isArray(value)) {
      const element = this.checker.getIndexTypeOfType(type, ts.IndexKind.Number);
      if (element) value.forEach((item, i) => this.walk(item, element, `${path}[${i}]`, found));
      return;
    }
    if (this.checker.getIndexInfoOfType(type, ts.IndexKind.String)) return;
    if (this.checker.getPropertiesOfType(type).length === 0) return;
    for (const [key, child] of Object.entries(value)) {
      const property = this.checker.getPropertyOfType(type, key);
      const childPath = path ? `${path}.${key}` : key;
      if (!property) {
        found.push(childPath);
        continue;
      }
      this.walk(child, this.checker.getTypeOfSymbol(property), childPath, found);
    }
  }
}
