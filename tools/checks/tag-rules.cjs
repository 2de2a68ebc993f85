// The tag rule, kept apart from the scan so a test can feed it a broken project.
const KNOWN_TYPES = ['app', 'composition', 'domain', 'application', 'contracts', 'port', 'adapter', 'platform', 'testing', 'tool'];

function tagProblems(project) {
  const tags = project.tags ?? [];
  const scopes = tags.filter((t) => t.startsWith('scope:'));
  const types = tags.filter((t) => t.startsWith('type:'));
  const problems = [];
  if (scopes.length !== 1) problems.push(`needs exactly one scope:* tag, has ${scopes.length}`);
  if (types.length !== 1) problems.push(`needs exactly one type:* tag, has ${types.length}`);
  for (const t of types) if (!KNOWN_TYPES.includes(t.slice(5))) problems.push(`unknown ${t}`);
  return problems;
}


module.exports = { KNOWN_TYPES, tagProblems };
