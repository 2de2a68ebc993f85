import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InstrumentDefinition, InstrumentRegistry, InstrumentScale } from '@lien/assessments-domain';

export class InvalidInstrumentConfiguration extends Error {
  constructor(file: string, reason: string) {
    super(`config/instruments/${file}: ${reason}`);
    this.name = 'InvalidInstrumentConfiguration';
  }
}

// A registry entry describes scales, never items: an `items` field (licensed texts) is refused outright.
const DEFINITION_KEYS = ['id', 'version', 'name', 'licence', 'respondents', 'scales'];
const SCALE_KEYS = ['code', 'label', 'min', 'max', 'higherIsBetter', 'sumOf'];

/** Reads every `*.json` of the folder; the service refuses to start on a malformed or duplicate instrument. */
export function loadInstrumentRegistry(folder: string): InstrumentRegistry {
  const registry: Record<string, InstrumentDefinition> = {};
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    const definition = parseInstrument(file, JSON.parse(readFileSync(join(folder, file), 'utf8')) as unknown);
    if (registry[definition.id]) throw new InvalidInstrumentConfiguration(file, `instrument ${definition.id} is defined twice`);
    registry[definition.id] = definition;
  }
  return registry;
}

export function parseInstrument(file: string, raw: unknown): InstrumentDefinition {
  const fail = (reason: string): never => {
    throw new InvalidInstrumentConfiguration(file, reason);
  };
  const json = isRecord(raw) ? raw : fail('not a JSON object');
  const stray = Object.keys(json).find((key) => !DEFINITION_KEYS.includes(key));
  if (stray) fail(`unknown field ${stray} (a registry holds scales and ranges only, never item texts)`);
  const { id, version, name, respondents, scales } = json;
  if (typeof id !== 'string' || !/^[A-Za-z0-9-]+$/.test(id)) fail('id must be letters, digits or dashes');
  if (typeof version !== 'string' || !/^[A-Za-z0-9.-]+$/.test(version)) fail('version must be letters, digits, dots or dashes');
  if (typeof name !== 'string' || name === '') fail('name is required');
  if (respondents !== undefined && !(Array.isArray(respondents) && respondents.every((r) => typeof r === 'string'))) fail('respondents must be a list of texts');
  if (!Array.isArray(scales) || scales.length === 0) fail('scales must be a non-empty list');
  const parsed = (scales as unknown[]).map((scale, index) => parseScale(scale, `scales.${index}`, fail));
  checkDerivedScales(parsed, fail);
  return { id: id as string, version: version as string, name: name as string, respondents: (respondents as string[] | undefined) ?? [], scales: parsed };
}

function parseScale(raw: unknown, at: string, fail: (reason: string) => never): InstrumentScale {
  const scale = isRecord(raw) ? raw : fail(`${at} is not an object`);
  const stray = Object.keys(scale).find((key) => !SCALE_KEYS.includes(key));
  if (stray) fail(`${at}: unknown field ${stray}`);
  const { code, label, min, max, higherIsBetter, sumOf } = scale;
  if (typeof code !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(code)) fail(`${at}.code must be a word`);
  if (typeof label !== 'string' || label === '') fail(`${at}.label is required`);
  if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number)) fail(`${at}: min and max must be integers with min < max`);
  if (typeof higherIsBetter !== 'boolean') fail(`${at}.higherIsBetter must be true or false`);
  if (sumOf !== undefined && !(Array.isArray(sumOf) && sumOf.length > 0 && sumOf.every((c) => typeof c === 'string'))) fail(`${at}.sumOf must list scale codes`);
  return { code: code as string, label: label as string, min: min as number, max: max as number, higherIsBetter: higherIsBetter as boolean, ...(sumOf ? { sumOf: sumOf as string[] } : {}) };
}

/** A derived scale sums measured scales only, and its range is exactly the sum of theirs. */
function checkDerivedScales(scales: readonly InstrumentScale[], fail: (reason: string) => never): void {
  const codes = new Set<string>();
  for (const scale of scales) {
    if (codes.has(scale.code)) fail(`scale ${scale.code} is defined twice`);
    codes.add(scale.code);
  }
  const measured = new Map(scales.filter((s) => !s.sumOf).map((s) => [s.code, s]));
  for (const derived of scales.filter((s) => s.sumOf)) {
    const parts = (derived.sumOf ?? []).map((code) => measured.get(code) ?? fail(`${derived.code} sums ${code}, which is not a measured scale`));
    const min = parts.reduce((sum, part) => sum + part.min, 0);
    const max = parts.reduce((sum, part) => sum + part.max, 0);
    if (derived.min !== min || derived.max !== max) fail(`${derived.code} must range ${min}–${max}, the sum of its scales`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
