// Compiles the three event-store libraries with the production build's SWC settings (CommonJS, `@lien/*`
// rewritten to relative requires) into a private folder. Not `tools/build/build.mjs` itself: that one
// wipes and refills the shared `dist/`, which other work on this checkout may be running from.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ENTRY = '@lien/shared-event-store-postgres';

/** Compiles and returns the PostgreSQL adapter's public API (`PostgresEventStore`, …). */
export function compileEventStore(root) {
  return compileLibraries(root, [ENTRY], 'bench-event-store')[ENTRY];
}

/** Compiles the given `@lien/*` libraries and their closure into `tmp/<folder>`; returns each entry's exports. */
export function compileLibraries(root, entries, folder) {
  const outDir = join(root, 'tmp', folder, 'build');
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const libs = libraryClosure(root, compilerOptions.paths, entries);
  const swcrc = {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      baseUrl: root,
      paths: compilerOptions.paths,
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  };
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const configFile = join(root, 'tmp', folder, 'swcrc.json');
  writeFileSync(configFile, JSON.stringify(swcrc));
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@swc/cli/bin/swc.js'), ...libs, '--config-file', configFile, '--out-dir', outDir, '--ignore', '**/*.spec.ts', '--ignore', '**/*.int-spec.ts', '--quiet'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const load = createRequire(import.meta.url);
  return Object.fromEntries(entries.map((entry) => [entry, load(join(outDir, compilerOptions.paths[entry][0].replace(/^\.\//, '').replace(/\.ts$/, '.js')))]));
}

/** The source folders of the entry library and of every `@lien/*` library it imports, transitively. */
function libraryClosure(root, paths, entries) {
  const folders = new Set();
  const pending = [...entries];
  while (pending.length > 0) {
    const alias = pending.pop();
    const folder = dirname(paths[alias][0]);
    if (folders.has(folder)) continue;
    folders.add(folder);
    for (const file of readdirSync(join(root, folder), { recursive: true })) {
      if (!file.endsWith('.ts') || /\.(int-)?spec\.ts$/.test(file)) continue;
      for (const [, imported] of readFileSync(join(root, folder, file), 'utf8').matchAll(/from '(@lien\/[^']+)'/g)) pending.push(imported);
    }
  }
  return [...folders];
}
