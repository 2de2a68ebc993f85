import * as vm from 'node:vm';

/**
 * PGlite loads its parts with dynamic `import()`, which Jest only supports when Node runs with
 * `--experimental-vm-modules` (`npm test` sets it). Without it the suite fails with this hint instead
 * of an obscure ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG.
 */
export function requireVmModulesFlag(): void {
  if (typeof (vm as { SyntheticModule?: unknown }).SyntheticModule !== 'function') {
    throw new Error('PGlite suites need NODE_OPTIONS=--experimental-vm-modules (npm test sets it): NODE_OPTIONS=--experimental-vm-modules npx jest …');
  }
}
