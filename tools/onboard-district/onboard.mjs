#!/usr/bin/env node
// Onboards one judicial district in one command: its entry in config/districts.json, its Kubernetes
// overlay (namespace lien-<code>), its Kafka topics and user (ACLs on lien.<code>. only) and the list of
// secrets it references. Nothing is written unless every check passes.
//
//   npx node tools/onboard-district/onboard.mjs --code verviers --name "Verviers" --divisions a,b
//
// After a contract family is added to RELAY_TOPICS (templates.mjs), rewrite every district's topics:
//   npx node tools/onboard-district/onboard.mjs --refresh-topics
//
// Options: --capacity N (cases in progress at once, default 20), --image-tag T (default: package.json
// version), --root DIR (repository root; tests point it at a temporary copy).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import {
  kafkaKustomization,
  kafkaTopics,
  kafkaUser,
  kurrentdbCertificatePatch,
  overlayKustomization,
  secretReferences,
} from './templates.mjs';

export const CODE_PATTERN = /^[a-z][a-z0-9-]{1,30}$/;
/** Divisions are sub-levels inside a district (labels, not namespaces): one letter is enough. */
export const DIVISION_PATTERN = /^[a-z][a-z0-9-]{0,30}$/;
/** Names the platform itself uses as namespaces or Kafka principals (lien-central, lien-kafka, ...). */
const RESERVED = new Set(['central', 'kafka', 'staging', 'system', 'district']);

class OnboardingRefused extends Error {}

function validCode(code, what, pattern = CODE_PATTERN) {
  if (code === undefined) throw new OnboardingRefused(`missing --${what === 'district code' ? 'code' : 'divisions'}`);
  if (!pattern.test(code)) {
    throw new OnboardingRefused(`invalid ${what} '${code}': expected ${pattern.source}`);
  }
  if (code.endsWith('-') || code.includes('--')) {
    throw new OnboardingRefused(`invalid ${what} '${code}': no trailing or double hyphen (namespace lien-${code})`);
  }
  return code;
}

export function parseDistrict(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      divisions: { type: 'string', default: '' },
      capacity: { type: 'string', default: '20' },
      'image-tag': { type: 'string' },
      root: { type: 'string' },
      'refresh-topics': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values['refresh-topics']) return { refreshTopics: true, root: values.root };
  const code = validCode(values.code, 'district code');
  if (RESERVED.has(code)) throw new OnboardingRefused(`invalid district code '${code}': reserved by the platform`);
  const name = (values.name ?? '').trim();
  if (!name || name.length > 80 || /[\n\r"\\]/.test(name)) {
    throw new OnboardingRefused('invalid --name: 1 to 80 characters, no quotes, backslashes or line breaks');
  }
  const divisions = values.divisions.split(',').map((d) => d.trim()).filter(Boolean);
  divisions.forEach((d) => validCode(d, 'division code', DIVISION_PATTERN));
  if (new Set(divisions).size !== divisions.length) throw new OnboardingRefused('invalid --divisions: duplicates');
  const capacity = Number(values.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10000) {
    throw new OnboardingRefused(`invalid --capacity '${values.capacity}': a whole number from 1 to 10000`);
  }
  return { district: { code, name, divisions, capacity }, imageTag: values['image-tag'], root: values.root };
}

/** Every file to write, as [path relative to root, content]. */
export function plannedFiles(district, imageTag) {
  const overlay = `k8s/overlays/${district.code}`;
  const kafka = `k8s/infra/kafka/districts/${district.code}`;
  return [
    [`${overlay}/kustomization.yaml`, overlayKustomization(district, imageTag)],
    [`${overlay}/kurrentdb-certificate.yaml`, kurrentdbCertificatePatch(district)],
    [`${overlay}/secret-references.yaml`, secretReferences(district)],
    [`${kafka}/kustomization.yaml`, kafkaKustomization(district)],
    [`${kafka}/topics.yaml`, kafkaTopics(district)],
    [`${kafka}/user.yaml`, kafkaUser(district)],
  ];
}

export function onboard(root, district, imageTag) {
  const configFile = join(root, 'config/districts.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  if (config.districts.some((d) => d.code === district.code)) {
    throw new OnboardingRefused(`district '${district.code}' already exists in config/districts.json`);
  }
  const tag = imageTag ?? JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const files = plannedFiles(district, tag);
  const taken = files.find(([path]) => existsSync(join(root, path)));
  if (taken) throw new OnboardingRefused(`district '${district.code}' already has ${taken[0]}`);

  const kafkaRootFile = join(root, 'k8s/infra/kafka/kustomization.yaml');
  const kafkaRoot = YAML.parseDocument(readFileSync(kafkaRootFile, 'utf8'));
  kafkaRoot.get('resources').add(`districts/${district.code}`);

  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  writeFileSync(kafkaRootFile, String(kafkaRoot));
  config.districts.push(district);
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  return files.map(([path]) => path).concat('k8s/infra/kafka/kustomization.yaml', 'config/districts.json');
}

/** Staging's topics, beside its one-node cluster: one replica each. */
export const STAGING = { code: 'staging', name: 'Staging' };
export const STAGING_TOPICS_FILE = 'k8s/overlays/staging/kafka-topics.yaml';

/**
 * Rewrites the topics of every onboarded district (and staging) from RELAY_TOPICS; returns the files
 * whose content changed. A district whose Kafka folder is missing is refused, not created.
 */
export function refreshTopics(root) {
  const { districts } = JSON.parse(readFileSync(join(root, 'config/districts.json'), 'utf8'));
  const planned = districts.map((d) => [`k8s/infra/kafka/districts/${d.code}/topics.yaml`, kafkaTopics(d)]);
  planned.push([STAGING_TOPICS_FILE, kafkaTopics(STAGING, { replicas: 1 })]);
  const missing = planned.find(([path]) => !existsSync(join(root, path)));
  if (missing) throw new OnboardingRefused(`${missing[0]} is missing: onboard that district first`);
  const changed = planned.filter(([path, content]) => readFileSync(join(root, path), 'utf8') !== content);
  for (const [path, content] of changed) writeFileSync(join(root, path), content);
  return changed.map(([path]) => path);
}

const repositoryRoot = (root) => resolve(root ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));

function main() {
  try {
    const parsed = parseDistrict(process.argv.slice(2));
    if (parsed.refreshTopics) {
      const changed = refreshTopics(repositoryRoot(parsed.root));
      console.log(changed.length ? `rewrote the topics of:\n${changed.map((p) => `  ${p}`).join('\n')}` : 'every topics file is up to date');
      return;
    }
    const { district, imageTag, root } = parsed;
    const repoRoot = repositoryRoot(root);
    const written = onboard(repoRoot, district, imageTag);
    console.log(`onboarded district ${district.code} (namespace lien-${district.code}):`);
    for (const path of written) console.log(`  ${path}`);
    console.log(`next: create the secrets listed in k8s/overlays/${district.code}/secret-references.yaml`);
  } catch (error) {
    const message = error instanceof OnboardingRefused || error?.code?.startsWith?.('ERR_PARSE_ARGS')
      ? error.message
      : `unexpected failure: ${error?.message ?? error}`;
    console.error(`onboard-district: ${message.split('\n')[0]}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
