/** A contract whose data lacks a field or has the wrong shape: retrying cannot fix it, so it goes to the dead letters. */
export class UnreadableContract extends Error {
  constructor(type: string, field: string) {
    // The type and the field name only: never the value, which could be anything a producer sent.
    super(`contract ${type} has no readable ${field}`);
    this.name = 'UnreadableContract';
  }
}

type Data = { readonly [key: string]: unknown };

export class ContractFields {
  constructor(
    private readonly type: string,
    private readonly data: Data,
  ) {}

  text(field: string): string {
    const value = this.data[field];
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new UnreadableContract(this.type, field);
    return value;
  }

  optionalText(field: string): string | null {
    const value = this.data[field];
    return value === null || value === undefined ? null : this.text(field);
  }

  instant(field: string): Date {
    const value = this.text(field);
    const date = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) throw new UnreadableContract(this.type, field);
    return date;
  }

  date(field: string): string {
    const value = this.text(field);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UnreadableContract(this.type, field);
    return value;
  }

  optionalDate(field: string): string | null {
    return this.data[field] === null || this.data[field] === undefined ? null : this.date(field);
  }

  integer(field: string): number {
    const value = this.data[field];
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new UnreadableContract(this.type, field);
    return value;
  }
}
