import { DistrictMustBeKnown, DistrictProfile } from '@lien/reporting-domain';

/** The districts in service, from configuration (`config/districts.json`): adding one needs no code. */
export class DistrictCatalogue {
  constructor(readonly profiles: readonly DistrictProfile[]) {}

  get codes(): string[] {
    return this.profiles.map((p) => p.code);
  }

  find(code: string): DistrictProfile | undefined {
    return this.profiles.find((p) => p.code === code);
  }

  /** The district, or the precise refusal naming it (only when it looks like a code: input is never echoed raw). */
  require(code: string): DistrictProfile {
    const profile = this.find(code);
    if (!profile) throw new DistrictMustBeKnown(/^[a-z0-9-]{1,40}$/.test(code) ? code : '?');
    return profile;
  }

  static fromJson(json: unknown): DistrictCatalogue {
    const districts = (json as { districts?: unknown }).districts;
    if (!Array.isArray(districts)) throw new Error('districts configuration: `districts` must be a list');
    return new DistrictCatalogue(
      districts.map((d: { code?: unknown; name?: unknown; divisions?: unknown; capacity?: unknown }) => {
        if (typeof d.code !== 'string' || typeof d.name !== 'string') throw new Error('districts configuration: each district needs a code and a name');
        const divisions = Array.isArray(d.divisions) ? d.divisions.filter((x): x is string => typeof x === 'string') : [];
        return { code: d.code, name: d.name, divisions, capacity: typeof d.capacity === 'number' ? d.capacity : 0 };
      }),
    );
  }
}
