/** A two-way frequency table: rows (e.g. districts) × columns (categories), non-negative whole counts. */
export interface CountTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly values: ReadonlyArray<readonly number[]>;
}

/**
 * A published value or the mark of a suppressed one. A suppressed cell carries no number and no
 * reason: telling primary (under the threshold) from secondary would tell an attacker which hidden
 * cells are small.
 */
export type PublishedValue = { readonly status: 'published'; readonly value: number } | { readonly status: 'suppressed' };

export interface ProtectedTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: ReadonlyArray<readonly PublishedValue[]>;
  readonly rowTotals: readonly PublishedValue[];
  readonly columnTotals: readonly PublishedValue[];
  readonly grandTotal: PublishedValue;
}

export const published = (value: number): PublishedValue => ({ status: 'published', value });
export const SUPPRESSED: PublishedValue = Object.freeze({ status: 'suppressed' });

export class InvalidCountTable extends Error {}

export function assertCountTable(table: CountTable): void {
  if (table.rows.length === 0 || table.columns.length === 0) throw new InvalidCountTable('a table needs at least one row and one column');
  if (table.values.length !== table.rows.length) throw new InvalidCountTable('one value row per row label');
  for (const row of table.values) {
    if (row.length !== table.columns.length) throw new InvalidCountTable('one value per column label');
    if (!row.every((v) => Number.isInteger(v) && v >= 0)) throw new InvalidCountTable('counts are non-negative integers');
  }
}

/**
 * The table with its margins, as one (R+1)×(C+1) grid: index R is the total row, index C the total
 * column, [R][C] the grand total. Suppression works on this grid, so totals are cells like any other.
 */
export function withMargins(table: CountTable): number[][] {
  assertCountTable(table);
  const grid = table.values.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totalRow = grid[0].map((_, j) => grid.reduce((sum, row) => sum + row[j], 0));
  return [...grid, totalRow];
}
