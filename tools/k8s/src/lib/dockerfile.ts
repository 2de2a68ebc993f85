/** A tiny Dockerfile reader: enough to check stages and their instructions, not a full parser. */
export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  base: string;
  name?: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = line.match(/^(\S+)\s*(.*)$/) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, base = '', name] = args.match(/^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i) ?? [];
      stages.push({ base, name, instructions: [] });
    } else if (stages.length) {
      stages[stages.length - 1]?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

/** The chain of stages a target is built from, the target first. */
export function lineage(stages: Stage[], target: string): Stage[] {
  const chain: Stage[] = [];
  let current = stages.find((s) => s.name === target);
  while (current) {
    chain.push(current);
    const base = current.base;
    current = stages.find((s) => s.name === base);
  }
  return chain;
}

/** A base image reference pinned to a version tag (x.y.z) or a digest; `scratch` is empty by definition. */
export function isPinnedBase(ref: string): boolean {
  if (ref === 'scratch') return true;
  if (/@sha256:[0-9a-f]{64}$/.test(ref)) return true;
  const tag = ref.match(/:([^/:]+)$/)?.[1];
  return !!tag && tag !== 'latest' && /^\d+\.\d+\.\d+/.test(tag);
}
