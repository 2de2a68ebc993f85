/**
 * Which suppressed cells of a table with margins an attacker could still pin down to one value.
 *
 * The attacker knows every published cell, that each row and each column adds up to its total, that
 * counts are whole numbers, and that a suppressed cell is at least 1 (zeros are published). Writing a
 * total's entry with a minus sign turns each row and column into "signed sum = 0"; the hidden cells
 * then form a bipartite graph (row nodes, column nodes), and any other solution differs from the true
 * one by a sum of alternating ±1 cycles of hidden cells (conformal decomposition). So a hidden cell can
 * take another value exactly when some alternating cycle through it can move by one without pushing a
 * cell from 1 to 0. We search for that cycle in both directions; no cycle means the cell is exposed.
 */
export type Grid = ReadonlyArray<readonly number[]>;
export type Mask = ReadonlyArray<readonly boolean[]>;

export interface CellRef {
  readonly row: number;
  readonly column: number;
}

interface Arc {
  readonly to: number;
  readonly cell: CellRef;
}

function sign(index: number, totalIndex: number): number {
  return index === totalIndex ? -1 : 1;
}

/**
 * Arcs of the move graph. Rows are nodes 0..R, columns R+1..R+1+C. Going row→column adds one to the
 * cell's signed value, column→row takes one away; in counts that is +σ or −σ, with σ the product of
 * the row's and column's signs. A move that lowers a cell is allowed only when the cell is at least 2.
 */
function moveGraph(grid: Grid, hidden: Mask): Arc[][] {
  const rows = grid.length;
  const columns = grid[0].length;
  const arcs: Arc[][] = Array.from({ length: rows + columns }, () => []);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      if (!hidden[i][j]) continue;
      const sigma = sign(i, rows - 1) * sign(j, columns - 1);
      const canLower = grid[i][j] >= 2;
      const cell = { row: i, column: j };
      if (sigma === 1 || canLower) arcs[i].push({ to: rows + j, cell });
      if (sigma === -1 || canLower) arcs[rows + j].push({ to: i, cell });
    }
  }
  return arcs;
}

function pathExists(arcs: Arc[][], from: number, to: number, excluded: CellRef): boolean {
  const seen = new Set<number>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift() as number;
    for (const arc of arcs[node]) {
      if (arc.cell.row === excluded.row && arc.cell.column === excluded.column) continue;
      if (arc.to === to) return true;
      if (!seen.has(arc.to)) {
        seen.add(arc.to);
        queue.push(arc.to);
      }
    }
  }
  return false;
}

/** Whether the hidden cell can move up or down by one along some alternating cycle of hidden cells. */
export function canTakeAnotherValue(grid: Grid, hidden: Mask, cell: CellRef, arcs = moveGraph(grid, hidden)): boolean {
  const rowNode = cell.row;
  const columnNode = grid.length + cell.column;
  // The cell's own arc in either direction, then a way back that does not reuse the cell.
  const forward = arcs[rowNode].some((a) => a.cell.row === cell.row && a.cell.column === cell.column);
  const backward = arcs[columnNode].some((a) => a.cell.row === cell.row && a.cell.column === cell.column);
  return (forward && pathExists(arcs, columnNode, rowNode, cell)) || (backward && pathExists(arcs, rowNode, columnNode, cell));
}

/** Every hidden cell that has a single feasible value: the cells an attacker can recompute. */
export function exposedCells(grid: Grid, hidden: Mask): CellRef[] {
  const arcs = moveGraph(grid, hidden);
  const exposed: CellRef[] = [];
  for (let i = 0; i < grid.length; i++) {
    for (let j = 0; j < grid[0].length; j++) {
      if (hidden[i][j] && !canTakeAnotherValue(grid, hidden, { row: i, column: j }, arcs)) exposed.push({ row: i, column: j });
    }
  }
  return exposed;
}
