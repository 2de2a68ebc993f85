// Test-only: what someone holding a published table could work out. Never imported by production code.
import { ProtectedTable } from '../lib/disclosure/count-table';

/** The published table as a grid with margins; null where a cell is suppressed. */
export type PublishedGrid = (number | null)[][];

export function publishedGrid(table: ProtectedTable): PublishedGrid {
  const value = (v: { status: string; value?: number }) => (v.status === 'published' ? (v.value as number) : null);
  return [
    ...table.cells.map((row, i) => [...row.map(value), value(table.rowTotals[i])]),
    [...table.columnTotals.map(value), value(table.grandTotal)],
  ];
}

interface Line {
  readonly cells: ReadonlyArray<readonly [number, number]>;
  /** +1 for inner cells, −1 for the line's total: the signed sum is 0. */
  readonly signs: readonly number[];
}

function linesOf(grid: PublishedGrid): Line[] {
  const R = grid.length - 1;
  const C = grid[0].length - 1;
  const lines: Line[] = [];
  for (let i = 0; i <= R; i++) lines.push({ cells: grid[i].map((_, j) => [i, j] as const), signs: grid[i].map((_, j) => (j === C ? -1 : 1)) });
  for (let j = 0; j <= C; j++) lines.push({ cells: grid.map((_, i) => [i, j] as const), signs: grid.map((_, i) => (i === R ? -1 : 1)) });
  return lines;
}

/** The obvious attack: any row or column with a single unknown gives it away; repeat until nothing moves. */
export function recomputeBySubtraction(grid: PublishedGrid): Map<string, number> {
  const known = grid.map((r) => [...r]);
  const recovered = new Map<string, number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of linesOf(known)) {
      const unknown = line.cells.map((c, k) => [c, line.signs[k]] as const).filter(([[i, j]]) => known[i][j] === null);
      if (unknown.length !== 1) continue;
      const sum = line.cells.reduce((acc, [i, j], k) => acc + (known[i][j] ?? 0) * line.signs[k], 0);
      const [[i, j], s] = unknown[0];
      known[i][j] = -sum * s;
      recovered.set(`${i},${j}`, known[i][j] as number);
      progress = true;
    }
  }
  return recovered;
}

/**
 * The strongest attack on one table: search every whole-number filling of the hidden cells, each from
 * 1 to `bound`, that keeps every sum true, for one where `cell` differs from its true value. None means
 * the attacker has recomputed the cell. Bounding the search can only miss solutions, never invent
 * them, so a solution found is a proof that the cell is protected.
 */
export function canDiffer(grid: PublishedGrid, cell: readonly [number, number], truth: number, bound: number): boolean {
  const lines = linesOf(grid);
  const assignment = grid.map((r) => [...r]);
  let visited = 0;

  const consistent = (line: Line): boolean => {
    let low = 0;
    let high = 0;
    line.cells.forEach(([i, j], k) => {
      const v = assignment[i][j];
      const s = line.signs[k];
      if (v !== null) [low, high] = [low + v * s, high + v * s];
      else if (s > 0) [low, high] = [low + 1, high + bound];
      else [low, high] = [low - bound, high - 1];
    });
    return low <= 0 && high >= 0;
  };
  const allowed = (i: number, j: number, v: number) => v >= 1 && v <= bound && !(i === cell[0] && j === cell[1] && v === truth);

  const search = (): boolean => {
    if (++visited > 5_000_000) throw new Error('search too large for this test table');
    if (!lines.every(consistent)) return false;
    // A line with one unknown left forces it: the subtraction every attacker starts with.
    for (const line of lines) {
      const open = line.cells.map((c, k) => [c, line.signs[k]] as const).filter(([[i, j]]) => assignment[i][j] === null);
      if (open.length !== 1) continue;
      const [[i, j], s] = open[0];
      const sum = line.cells.reduce((acc, [a, b], k) => acc + (assignment[a][b] ?? 0) * line.signs[k], 0);
      const forced = -sum * s;
      if (!allowed(i, j, forced)) return false;
      assignment[i][j] = forced;
      const found = search();
      assignment[i][j] = null;
      return found;
    }
    const next = assignment.flatMap((r, i) => r.map((v, j) => [i, j, v] as const)).find(([, , v]) => v === null);
    if (!next) return true;
    const [i, j] = next;
    for (let v = 1; v <= bound; v++) {
      if (!allowed(i, j, v)) continue;
      assignment[i][j] = v;
      if (search()) return true;
    }
    assignment[i][j] = null;
    return false;
  };
  return search();
}

/** Hidden cells the exhaustive attack pins to their true value. `truth` is the full grid with margins. */
export function disclosedCells(grid: PublishedGrid, truth: ReadonlyArray<readonly number[]>, bound: number): string[] {
  const disclosed: string[] = [];
  grid.forEach((r, i) => r.forEach((v, j) => v === null && !canDiffer(grid, [i, j], truth[i][j], bound) && disclosed.push(`${i},${j}`)));
  return disclosed;
}
