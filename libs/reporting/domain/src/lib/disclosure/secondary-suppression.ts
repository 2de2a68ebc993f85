import { CountTable, ProtectedTable, published, PublishedValue, SUPPRESSED, withMargins } from './count-table';
import { canTakeAnotherValue, CellRef, exposedCells, Grid } from './exposure-audit';

export interface SuppressionPolicy {
  /** Counts from 1 to `threshold - 1` are suppressed (primary suppression). Zeros are published. */
  readonly threshold: number;
}

export const DEFAULT_SUPPRESSION_POLICY: SuppressionPolicy = { threshold: 5 };

type Mask = boolean[][];

function lines(rows: number, columns: number): CellRef[][] {
  const result: CellRef[][] = [];
  for (let i = 0; i < rows; i++) result.push(Array.from({ length: columns }, (_, j) => ({ row: i, column: j })));
  for (let j = 0; j < columns; j++) result.push(Array.from({ length: rows }, (_, i) => ({ row: i, column: j })));
  return result;
}

/** Smallest first; on a tie an inner cell before a total, then reading order, so the pattern is deterministic. */
function cheapest(grid: Grid, cells: readonly CellRef[]): CellRef | undefined {
  const isTotal = (c: CellRef) => c.row === grid.length - 1 || c.column === grid[0].length - 1;
  return [...cells].sort((a, b) => grid[a.row][a.column] - grid[b.row][b.column] || Number(isTotal(a)) - Number(isTotal(b)) || a.row - b.row || a.column - b.column)[0];
}

/**
 * The line rule, to a fixed point: a row or column (its total included) with exactly one suppressed
 * entry would give that entry away by subtraction, so its smallest other non-zero entry is suppressed too.
 */
function applyLineRule(grid: Grid, hidden: Mask): void {
  const all = lines(grid.length, grid[0].length);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of all) {
      if (line.filter((c) => hidden[c.row][c.column]).length !== 1) continue;
      const partner = cheapest(grid, line.filter((c) => !hidden[c.row][c.column] && grid[c.row][c.column] > 0));
      if (partner) {
        hidden[partner.row][partner.column] = true;
        changed = true;
      }
    }
  }
}

/**
 * The rectangle whose four cells can all rise together: the cell, the same cell of the total row or
 * column, and the grand total (with an inner cell of the line for a total). Suppressing it always
 * protects the cell, because raising all four by one keeps every sum true.
 */
function risingRectangle(grid: Grid, cell: CellRef): CellRef[] {
  const R = grid.length - 1;
  const C = grid[0].length - 1;
  const inner = (line: number[]) => line.findIndex((v, k) => k < line.length - 1 && v > 0);
  const row = cell.row === R ? inner(grid.map((r) => r[cell.column])) : cell.row;
  const column = cell.column === C ? inner([...grid[row]]) : cell.column;
  return [
    { row, column },
    { row, column: C },
    { row: R, column },
    { row: R, column: C },
  ];
}

function protectExposed(grid: Grid, hidden: Mask, cell: CellRef): void {
  const candidates: CellRef[] = [];
  grid.forEach((r, i) => r.forEach((v, j) => !hidden[i][j] && v > 0 && candidates.push({ row: i, column: j })));
  const ordered = [...candidates].sort((a, b) => grid[a.row][a.column] - grid[b.row][b.column] || a.row - b.row || a.column - b.column);
  for (const candidate of ordered) {
    const trial = hidden.map((r) => [...r]);
    trial[candidate.row][candidate.column] = true;
    if (canTakeAnotherValue(grid, trial, cell)) {
      hidden[candidate.row][candidate.column] = true;
      return;
    }
  }
  for (const c of risingRectangle(grid, cell)) hidden[c.row][c.column] = true;
}

function primaryMask(grid: Grid, policy: SuppressionPolicy): Mask {
  return grid.map((row) => row.map((v) => v > 0 && v < policy.threshold));
}

/** The classic rule alone (primary, then the line rule to a fixed point), kept to show why it is not enough. */
export function lineRuleMask(grid: Grid, policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY): Mask {
  const hidden = primaryMask(grid, policy);
  applyLineRule(grid, hidden);
  return hidden;
}

/**
 * Which cells of the table with margins to suppress. Primary: every count from 1 to threshold − 1,
 * totals included. Secondary: the line rule to a fixed point; then the exposure audit, because the line
 * rule alone can leave a hidden cell that is the only link between two groups of hidden cells (and so
 * recomputable) or a pair of ones that add up to 2. Each exposed cell gets the cheapest extra
 * suppression that protects it, and the loop runs again. It ends: each round suppresses one more cell.
 */
export function suppressionMask(grid: Grid, policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY, forced?: ReadonlyArray<readonly boolean[]>): Mask {
  const hidden = primaryMask(grid, policy).map((row, i) => row.map((h, j) => h || (Boolean(forced?.[i]?.[j]) && grid[i][j] > 0)));
  for (;;) {
    applyLineRule(grid, hidden);
    const exposed = exposedCells(grid, hidden);
    if (exposed.length === 0) return hidden;
    protectExposed(grid, hidden, exposed[0]);
  }
}

/**
 * The table as it may leave the server: every cell, total and grand total published or suppressed.
 * `forced` (on the grid with margins) hides cells another table needs hidden, such as the flow that
 * would give a small stock away; a forced zero stays published, since hiding a zero protects nobody.
 */
export function protectTable(table: CountTable, policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY, forced?: ReadonlyArray<readonly boolean[]>): ProtectedTable {
  const grid = withMargins(table);
  const hidden = suppressionMask(grid, policy, forced);
  const at = (i: number, j: number): PublishedValue => (hidden[i][j] ? SUPPRESSED : published(grid[i][j]));
  const R = table.rows.length;
  const C = table.columns.length;
  return {
    rows: table.rows,
    columns: table.columns,
    cells: table.rows.map((_, i) => table.columns.map((__, j) => at(i, j))),
    rowTotals: table.rows.map((_, i) => at(i, C)),
    columnTotals: table.columns.map((_, j) => at(R, j)),
    grandTotal: at(R, C),
  };
}
