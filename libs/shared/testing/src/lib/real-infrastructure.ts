/**
 * Where the real parts are. `npm test` (tools/ci/test-all.mjs) starts them and exports these variables;
 * a test that needs one and finds it missing fails loudly instead of passing without it.
 */
export function requiredEnv(name: 'DATABASE_URL' | 'KAFKA_BROKERS'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the tests through \`npm test\`, which starts the real services`);
  }
  return value;
}

/** KurrentDB cannot run on our build machines; its suite runs only where a server is given. */
export function optionalKurrentDbUrl(): string | undefined {
  return process.env['KURRENTDB_URL'] || undefined;
}
