import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The Kafka topics the services use, found in their code: `lien.<district>.<service>.<family>.v<version>`
 * (topicName in libs/shared/messaging). Two shapes name a topic family:
 * - an integration contract `{ family, familyVersion, ... }` (a translator's output, which a relay
 *   publishes); its service is the one the relay is built with (`new Relay({ service, translate })`),
 *   else the scope of the file (libs/<scope>/… or apps/<app>/…);
 * - a topic address `{ service, family, version }` (what a consumer subscribes to).
 * Values are read from the type checker, so constants imported from contracts libraries resolve to their
 * literal values. A shape whose values are not literals (generic plumbing such as the relay's own
 * `topicName({ service, family: contract.family, ... })`) names no family and is skipped.
 */
export interface TopicFamily {
  readonly service: string;
  readonly family: string;
  readonly version: number;
  /** Where it was found, relative to the repository root (`file:line`). */
  readonly where: string;
}

export const DEAD_LETTER_SUFFIX = '.dlq';

export const topicOf = (district: string, f: Pick<TopicFamily, 'service' | 'family' | 'version'>): string =>
  `lien.${district}.${f.service}.${f.family}.v${f.version}`;

const isTestFile = (name: string) => /\.(spec|int-spec)\.ts$/.test(name) || name.endsWith('.d.ts');

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'test-support') filesUnder(path, out);
    else if (entry.isFile() && entry.name.endsWith('.ts') && !isTestFile(entry.name)) out.push(path);
  }
  return out;
}

/** Production sources of every app and library: test files, test-support folders and `type:testing` projects left out. */
export function productionSources(repoRoot: string): string[] {
  const projects: string[] = [];
  const appsDir = join(repoRoot, 'apps');
  if (existsSync(appsDir)) projects.push(...readdirSync(appsDir).map((app) => join(appsDir, app)));
  const libsDir = join(repoRoot, 'libs');
  if (existsSync(libsDir)) {
    for (const scope of readdirSync(libsDir)) projects.push(...readdirSync(join(libsDir, scope)).map((lib) => join(libsDir, scope, lib)));
  }
  return projects
    .filter((p) => existsSync(join(p, 'project.json')) && existsSync(join(p, 'src')))
    .filter((p) => !(JSON.parse(readFileSync(join(p, 'project.json'), 'utf8')) as { tags?: string[] }).tags?.includes('type:testing'))
    .flatMap((p) => filesUnder(join(p, 'src')))
    .sort();
}

function compilerOptions(repoRoot: string): ts.CompilerOptions {
  const file = join(repoRoot, 'tsconfig.base.json');
  const { config } = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  return { ...ts.parseJsonConfigFileContent(config ?? {}, ts.sys, repoRoot).options, noEmit: true };
}

/** `apps/<app>/…` or `libs/<scope>/…`: the service a file belongs to. */
function scopeOf(relativePath: string): string {
  const [group, name] = relativePath.split(sep);
  return group === 'apps' || group === 'libs' ? (name ?? '') : '';
}

type Props = Map<string, ts.Expression>;

function propertiesOf(node: ts.ObjectLiteralExpression): Props {
  const props: Props = new Map();
  for (const p of node.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) props.set(p.name.text, p.initializer);
    else if (ts.isShorthandPropertyAssignment(p)) props.set(p.name.text, p.name);
  }
  return props;
}

function literal(checker: ts.TypeChecker, node: ts.Expression | undefined): string | number | undefined {
  if (!node) return undefined;
  const type = checker.getTypeAtLocation(node);
  return type.isStringLiteral() || type.isNumberLiteral() ? type.value : undefined;
}

/** The file a `translate:` value is declared in (through imports and re-exports). */
function declaringFile(checker: ts.TypeChecker, node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.[0]?.getSourceFile().fileName;
}

/** Every topic family the given sources publish or consume (deduplicated by service, family and version). */
export function topicFamiliesInCode(repoRoot: string, sources: string[] = productionSources(repoRoot)): TopicFamily[] {
  // Only files that can hold one of the shapes are roots (the program still follows their imports).
  const files = sources.filter((file) => /\bfamily\b|\bnew Relay\b/.test(readFileSync(file, 'utf8')));
  const program = ts.createProgram(files, { ...compilerOptions(repoRoot), types: [] });
  const checker = program.getTypeChecker();
  const contracts: Array<{ file: string; family: string; version: number; where: string }> = [];
  const addresses: TopicFamily[] = [];
  const relayServiceOf = new Map<string, string>();

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const where = (node: ts.Node) => `${relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const props = propertiesOf(node);
        const family = literal(checker, props.get('family'));
        const contractVersion = literal(checker, props.get('familyVersion'));
        const addressVersion = literal(checker, props.get('version'));
        const service = literal(checker, props.get('service'));
        if (typeof family === 'string' && typeof contractVersion === 'number') {
          contracts.push({ file: source.fileName, family, version: contractVersion, where: where(node) });
        } else if (typeof family === 'string' && typeof addressVersion === 'number' && typeof service === 'string') {
          addresses.push({ service, family, version: addressVersion, where: where(node) });
        }
      }
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'Relay') {
        const options = node.arguments?.[0];
        if (options && ts.isObjectLiteralExpression(options)) {
          const props = propertiesOf(options);
          const service = literal(checker, props.get('service'));
          const translator = declaringFile(checker, props.get('translate'));
          if (typeof service === 'string' && translator) relayServiceOf.set(translator, service);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  const found = [
    ...contracts.map((c) => ({ service: relayServiceOf.get(c.file) ?? scopeOf(relative(repoRoot, c.file)), family: c.family, version: c.version, where: c.where })),
    ...addresses,
  ];
  const unique = new Map<string, TopicFamily>();
  for (const f of found) unique.set(`${f.service}.${f.family}.v${f.version}`, unique.get(`${f.service}.${f.family}.v${f.version}`) ?? f);
  return [...unique.values()].sort((a, b) => topicOf('x', a).localeCompare(topicOf('x', b)));
}

/**
 * A district's declared topics against the code: each family's topic and its dead-letter topic
 * (`<topic>.dlq`) must be declared; a declared topic no code uses is reported too (stale).
 */
export function topicDeclarationViolations(district: string, declared: string[], families: TopicFamily[]): string[] {
  const expected = new Map<string, string>();
  for (const f of families) {
    expected.set(topicOf(district, f), `topic of ${f.service} ${f.family} v${f.version} (${f.where})`);
    expected.set(`${topicOf(district, f)}${DEAD_LETTER_SUFFIX}`, `dead letters of ${f.service} ${f.family} v${f.version} (${f.where})`);
  }
  const have = new Set(declared);
  const missing = [...expected].filter(([name]) => !have.has(name)).map(([name, why]) => `district ${district}: no KafkaTopic ${name}, the ${why}`);
  const stale = declared.filter((name) => !expected.has(name)).map((name) => `district ${district}: KafkaTopic ${name} matches no topic family in the code`);
  return [...missing, ...stale];
}
