const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema and table names come from configuration, never from a request; still, only plain names pass. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Invalid SQL identifier: must match ${IDENTIFIER.source}`);
  return `"${name}"`;
}
