import { disclosedCells, PublishedGrid } from '../../testing/table-attacker';
import { exposedCells } from './exposure-audit';

describe('exposure audit', () => {
  it('given a single hidden cell with its row total published, when audited, then it is exposed', () => {
    const grid = [[3, 9, 12], [6, 8, 14], [9, 17, 26]];
    const hidden = grid.map((r, i) => r.map((_, j) => i === 0 && j === 0));
    expect(exposedCells(grid, hidden)).toEqual([{ row: 0, column: 0 }]);
  });

  it('given a 2×2 rectangle of hidden cells all at least 2, when audited, then none is exposed', () => {
    const grid = [[3, 9, 12], [6, 8, 14], [9, 17, 26]];
    const hidden = grid.map((r, i) => r.map((_, j) => i < 2 && j < 2));
    expect(exposedCells(grid, hidden)).toEqual([]);
  });

  it('given a cell hidden with its row total, column total and grand total, when audited, then it is protected because all four can rise together', () => {
    const grid = [[1, 9, 10], [6, 8, 14], [7, 17, 24]];
    const hidden = grid.map((r, i) => r.map((_, j) => (i === 0 || i === 2) && (j === 0 || j === 2)));
    expect(exposedCells(grid, hidden)).toEqual([]);
  });

  it('given random tables and random suppression patterns, when audited, then the audit names exactly the cells an exhaustive search pins down', () => {
    let seed = 99;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let exposedSeen = 0;
    for (let n = 0; n < 150; n++) {
      const columns = 2 + Math.floor(random() * 2);
      const values = Array.from({ length: 3 }, () => Array.from({ length: columns }, () => (random() < 0.2 ? 0 : 1 + Math.floor(random() * 9))));
      const grid = [...values.map((r) => [...r, r.reduce((a, b) => a + b, 0)])];
      grid.push(grid[0].map((_, j) => grid.reduce((s, r) => s + r[j], 0)));
      const hidden = grid.map((r) => r.map((v) => v > 0 && random() < 0.45));
      const view: PublishedGrid = grid.map((r, i) => r.map((v, j) => (hidden[i][j] ? null : v)));
      const audit = exposedCells(grid, hidden).map((c) => `${c.row},${c.column}`).sort();
      expect({ values, hidden, audit }).toEqual({ values, hidden, audit: disclosedCells(view, grid, Math.max(...grid.flat()) + 3).sort() });
      exposedSeen += audit.length;
    }
    expect(exposedSeen).toBeGreaterThan(0);
  });
});
