import { IndicatorDefinition } from '@lien/reporting-domain';
import { formatNumber, html, Html } from './html';

export type CellView = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'secret' } | { readonly kind: 'none' };

export const numberCell = (value: number | undefined): CellView => (value === undefined ? { kind: 'none' } : { kind: 'number', value });
export const SECRET_CELL: CellView = { kind: 'secret' };

export interface TableRow {
  readonly label: string;
  readonly cells: readonly CellView[];
}

export interface TableView {
  readonly caption: string;
  readonly rowHeader: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  readonly footer?: TableRow;
}

/** The measures an indicator shows, in order: categories (and their total), then the derived figures. */
export interface Measure {
  readonly label: string;
  readonly key: string;
}

export function measuresOf(definition: IndicatorDefinition): Measure[] {
  const categories = definition.categories.map((c) => ({ label: c.label, key: `cell:${c.code}` }));
  const measures: Measure[] = definition.categories.length > 1 ? [...categories, { label: 'Total', key: 'total' }] : categories;
  if (definition.kind === 'duration') measures.push({ label: 'Médiane (jours)', key: 'median' }, { label: 'P90 (jours)', key: 'p90' });
  if (definition.shareOf) measures.push({ label: `${definition.shareOf.label} (%)`, key: 'share' });
  if (definition.againstCapacity) measures.push({ label: 'Capacité', key: 'capacity' }, { label: 'Occupation (%)', key: 'occupancy' });
  return measures;
}

function cell(view: CellView): Html {
  if (view.kind === 'secret') return html`<td class="secret" title="secret statistique : effectif inférieur au seuil, ou qui permettrait de le recalculer">secret</td>`;
  if (view.kind === 'none') return html`<td><span aria-label="sans objet">–</span></td>`;
  return html`<td>${formatNumber(view.value)}</td>`;
}

const row = (r: TableRow) => html`<tr><th scope="row">${r.label}</th>${r.cells.map(cell)}</tr>`;

/** An accessible table: a caption, column and row headers, a footer for totals; scrollable by keyboard when wide. */
export function dataTable(view: TableView): Html {
  return html`<div class="table-scroll" role="region" aria-label="${view.caption}" tabindex="0"><table>
<caption>${view.caption}</caption>
<thead><tr><th scope="col">${view.rowHeader}</th>${view.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${view.rows.map(row)}</tbody>
${view.footer ? html`<tfoot>${row(view.footer)}</tfoot>` : ''}
</table></div>`;
}
