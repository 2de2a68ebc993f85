import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@lien/shared-kernel';
import { DepartureOrder, isSessionType, ProtocolTemplate, SafetySettings } from '@lien/sessions-domain';

/** What a district's sessions follow: its protocol template, its safety settings and its rooms. */
export interface DistrictSessionSettings {
  readonly template: ProtocolTemplate;
  readonly safety: SafetySettings;
  readonly rooms: readonly string[];
}

export class UnknownRoom extends DomainError {
  readonly code = 'UNKNOWN_ROOM';
  readonly kind = 'invalid-input' as const;
  constructor() {
    super('roomId is not a room of this district', { field: 'roomId' });
  }
}

export class InvalidSessionsConfiguration extends Error {}

interface DistrictEntry {
  readonly template?: string;
  readonly safety?: SafetySettings;
  readonly rooms?: readonly string[];
}

/**
 * The district settings, read once at start from `config/protocol-templates`: adding a district or
 * changing its stagger is a configuration change, not a code change. A broken file stops the start.
 */
export class DistrictSettingsCatalog {
  constructor(
    private readonly templates: ReadonlyMap<string, ProtocolTemplate>,
    private readonly defaults: Required<DistrictEntry>,
    private readonly districts: Readonly<Record<string, DistrictEntry>>,
  ) {
    for (const entry of [defaults, ...Object.values(districts)]) {
      if (entry.template !== undefined && !templates.has(entry.template)) throw new InvalidSessionsConfiguration(`unknown protocol template ${entry.template}`);
    }
  }

  static fromDirectory(directory: string): DistrictSettingsCatalog {
    const templates = new Map<string, ProtocolTemplate>();
    for (const file of readdirSync(directory).filter((f) => f.endsWith('.json') && f !== 'district-settings.json')) {
      const template = checkedTemplate(JSON.parse(readFileSync(join(directory, file), 'utf8')), file);
      templates.set(template.templateId, template);
    }
    const settings = JSON.parse(readFileSync(join(directory, 'district-settings.json'), 'utf8')) as { defaults: Required<DistrictEntry>; districts: Record<string, DistrictEntry> };
    checkedSafety(settings.defaults.safety, 'defaults');
    for (const [code, entry] of Object.entries(settings.districts)) if (entry.safety) checkedSafety(entry.safety, code);
    return new DistrictSettingsCatalog(templates, settings.defaults, settings.districts);
  }

  forDistrict(district: string): DistrictSessionSettings {
    const entry = this.districts[district] ?? {};
    const template = this.templates.get(entry.template ?? this.defaults.template) as ProtocolTemplate;
    return { template, safety: entry.safety ?? this.defaults.safety, rooms: entry.rooms ?? this.defaults.rooms };
  }

  checkRoom(district: string, roomId: string): void {
    if (!this.forDistrict(district).rooms.includes(roomId)) throw new UnknownRoom();
  }
}

function checkedTemplate(value: unknown, file: string): ProtocolTemplate {
  const template = value as ProtocolTemplate;
  const phasesOk =
    Array.isArray(template?.phases) &&
    template.phases.length > 0 &&
    template.phases.every((p) => typeof p?.code === 'string' && Array.isArray(p.allowedSessionTypes) && p.allowedSessionTypes.every(isSessionType));
  if (typeof template?.templateId !== 'string' || !Number.isInteger(template.version) || !phasesOk) throw new InvalidSessionsConfiguration(`${file} is not a protocol template`);
  return { templateId: template.templateId, version: template.version, phases: template.phases.map((p) => ({ code: p.code, allowedSessionTypes: [...p.allowedSessionTypes] })) };
}

const DEPARTURE_ORDERS: readonly DepartureOrder[] = ['first', 'last'];

function checkedSafety(safety: SafetySettings, where: string): void {
  const ok =
    Number.isInteger(safety?.staggerMinutes) &&
    safety.staggerMinutes >= 1 &&
    DEPARTURE_ORDERS.includes(safety.protectedHouseholdLeaves) &&
    typeof safety.escalationDeadlineHours === 'number' &&
    safety.escalationDeadlineHours > 0;
  if (!ok) throw new InvalidSessionsConfiguration(`safety settings of ${where} are invalid`);
}
