import { existsSync, readFileSync } from 'node:fs';
import { DistrictCapacities } from '@lien/referrals-application';

export const DEFAULT_DISTRICT_CAPACITY = 20;

interface DistrictsFile {
  readonly districts?: ReadonlyArray<{ readonly code?: unknown; readonly capacity?: unknown }>;
}

/** Open-case capacity per district from `config/districts.json` when it is there; the default elsewhere. */
export class ConfiguredDistrictCapacities extends DistrictCapacities {
  constructor(
    private readonly byDistrict: ReadonlyMap<string, number>,
    private readonly fallback = DEFAULT_DISTRICT_CAPACITY,
  ) {
    super();
  }

  static fromFile(path: string, fallback = DEFAULT_DISTRICT_CAPACITY): ConfiguredDistrictCapacities {
    if (!existsSync(path)) return new ConfiguredDistrictCapacities(new Map(), fallback);
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as DistrictsFile;
    const entries = (parsed.districts ?? []).flatMap((d) =>
      typeof d.code === 'string' && typeof d.capacity === 'number' && Number.isInteger(d.capacity) && d.capacity >= 0 ? [[d.code, d.capacity] as const] : [],
    );
    return new ConfiguredDistrictCapacities(new Map(entries), fallback);
  }

  capacityOf(district: string): number {
    return this.byDistrict.get(district) ?? this.fallback;
  }

  districts(): string[] {
    return [...this.byDistrict.keys()];
  }
}
