import { DistrictProfile, IndicatorDefinition, INDICATORS, MinistryReport, PublishedRow, PublishedValue } from '@lien/reporting-domain';
import { barChart } from './svg-bar-chart';
import { CellView, dataTable, measuresOf, numberCell, SECRET_CELL } from './data-table';
import { html, Html } from './html';

export interface MinistryPageInput {
  readonly reports: readonly MinistryReport[];
  readonly districts: readonly DistrictProfile[];
  readonly selected?: readonly string[];
  readonly from: string;
  readonly to: string;
  /** The years that may be asked for, newest first. */
  readonly years: readonly string[];
  readonly query: string;
}

const view = (v: PublishedValue | undefined): CellView => (v === undefined ? { kind: 'none' } : v.status === 'suppressed' ? SECRET_CELL : numberCell(v.value));

function measureCell(row: PublishedRow, key: string): CellView {
  if (key.startsWith('cell:')) return view(row.cells[key.slice(5)]);
  if (key === 'capacity') return numberCell(row.capacity);
  return view(({ total: row.total, median: row.median, p90: row.p90, share: row.share, occupancy: row.occupancy } as Record<string, PublishedValue | undefined>)[key]);
}

function indicatorSection(report: MinistryReport, definition: IndicatorDefinition, names: ReadonlyMap<string, string>): Html {
  const published = report.indicators.find((i) => i.id === definition.id);
  if (!published) return html``;
  const measures = measuresOf(definition);
  const id = `i-${report.period.key}-${definition.id}`;
  const label = (code: string) => names.get(code) ?? code;
  const chart = barChart({
    id: `${id}-chart`,
    title: `${definition.title}, ${report.period.key}, total par arrondissement`,
    bars: published.rows.map((r) => ({ label: label(r.district), value: r.total.status === 'published' ? r.total.value : null })),
  });
  const table = dataTable({
    caption: `${definition.title} — ${report.period.key}`,
    rowHeader: 'Arrondissement',
    columns: measures.map((m) => m.label),
    rows: published.rows.map((r) => ({ label: label(r.district), cells: measures.map((m) => measureCell(r, m.key)) })),
    footer: { label: 'Total (tous les arrondissements)', cells: measures.map((m) => measureCell(published.total, m.key)) },
  });
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${definition.title} — ${report.period.key}</h2><p>${definition.description}</p>${chart}${table}</section>`;
}

function filters(input: MinistryPageInput): Html {
  const option = (year: string, chosen: string) => html`<option value="${year}"${new Html(year === chosen ? ' selected' : '')}>${year}</option>`;
  const checked = (code: string) => !input.selected || input.selected.includes(code);
  return html`<form class="filters" method="get" action="/tableau-de-bord/ministere">
<div><label for="from">Première année</label><select id="from" name="from">${input.years.map((y) => option(y, input.from))}</select></div>
<div><label for="to">Dernière année</label><select id="to" name="to">${input.years.map((y) => option(y, input.to))}</select></div>
<fieldset><legend>Arrondissements affichés</legend>${input.districts.map(
    (d) => html`<label style="display:inline-block;font-weight:400;margin-right:.75rem"><input type="checkbox" name="districts" value="${d.code}"${new Html(checked(d.code) ? ' checked' : '')}> ${d.name}</label>`,
  )}</fieldset>
<div><button type="submit">Afficher</button></div>
</form>`;
}

/** The ministry's dashboard: only cells of the protected reports, exactly as the JSON and CSV exports carry them. */
export function ministryPage(input: MinistryPageInput): Html {
  const names = new Map(input.districts.map((d) => [d.code, d.name]));
  const suffix = input.query ? `?${input.query}` : '';
  return html`<h1>Indicateurs comparés des arrondissements</h1>
<p class="note" id="secret-statistique"><strong>Secret statistique.</strong> Un effectif de 1 à ${(input.reports[0]?.threshold ?? 5) - 1} est masqué («&nbsp;secret&nbsp;»), ainsi que les cases qui permettraient de le retrouver par soustraction des totaux. Les périodes sont des années civiles closes ; les totaux portent toujours sur tous les arrondissements.</p>
${filters(input)}
<p class="actions">Exporter ces données : <a href="/api/v1/ministry/indicators.csv${suffix}">CSV</a> <a href="/api/v1/ministry/indicators${suffix}">JSON</a></p>
${input.reports.map((report) => INDICATORS.map((definition) => indicatorSection(report, definition, names)))}`;
}
