import { DistrictProfile, DistrictReport, Granularity, IndicatorDefinition, INDICATORS, RawIndicatorRow } from '@lien/reporting-domain';
import { barChart } from './svg-bar-chart';
import { CellView, dataTable, measuresOf, numberCell } from './data-table';
import { html, Html } from './html';

export interface DistrictPageInput {
  readonly report: DistrictReport;
  readonly district: DistrictProfile;
  readonly granularity: Granularity;
  readonly from: string;
  readonly to: string;
  readonly query: string;
}

const GRANULARITY_LABELS: Readonly<Record<Granularity, string>> = { year: 'Année', quarter: 'Trimestre', month: 'Mois' };

function measureCell(row: RawIndicatorRow, key: string): CellView {
  if (key.startsWith('cell:')) return numberCell(row.cells[key.slice(5)]);
  return numberCell(({ total: row.total, median: row.median, p90: row.p90, share: row.share, capacity: row.capacity, occupancy: row.occupancy } as Record<string, number | undefined>)[key]);
}

function indicatorSection(input: DistrictPageInput, definition: IndicatorDefinition): Html {
  const { report } = input;
  const measures = measuresOf(definition);
  const id = `i-${definition.id}`;
  const single = measures.find((m) => m.key === 'total') ? 'total' : measures[0].key;
  const chart = barChart({
    id: `${id}-chart`,
    title: `${definition.title}, par ${GRANULARITY_LABELS[input.granularity].toLowerCase()}`,
    bars: report.periods.map((p) => ({ label: p.period.key, value: (measureCell(p.indicators[definition.id], single) as { value?: number }).value ?? 0 })),
  });
  const byPeriod = dataTable({
    caption: `${definition.title} — par période`,
    rowHeader: GRANULARITY_LABELS[input.granularity],
    columns: measures.map((m) => m.label),
    rows: report.periods.map((p) => ({ label: p.period.key, cells: measures.map((m) => measureCell(p.indicators[definition.id], m.key)) })),
  });
  const byDivision = report.byDivision.length > 1
    ? dataTable({
        caption: `${definition.title} — par division, de ${input.from} à ${input.to}`,
        rowHeader: 'Division',
        columns: measures.map((m) => m.label),
        rows: report.byDivision.map((d) => ({ label: d.division ?? 'Sans division', cells: measures.map((m) => measureCell(d.indicators[definition.id], m.key)) })),
      })
    : html``;
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${definition.title}</h2><p>${definition.description}</p>${chart}${byPeriod}${byDivision}</section>`;
}

function filters(input: DistrictPageInput): Html {
  const option = (g: Granularity) => html`<option value="${g}"${new Html(g === input.granularity ? ' selected' : '')}>${GRANULARITY_LABELS[g]}</option>`;
  return html`<form class="filters" method="get" action="/tableau-de-bord/districts/${input.district.code}">
<div><label for="granularity">Grain</label><select id="granularity" name="granularity">${(['year', 'quarter', 'month'] as const).map(option)}</select></div>
<div><label for="from">Du</label><input id="from" name="from" value="${input.from}" size="9" aria-describedby="format-periode"></div>
<div><label for="to">Au</label><input id="to" name="to" value="${input.to}" size="9" aria-describedby="format-periode"></div>
<div><button type="submit">Afficher</button></div>
<p id="format-periode" style="flex-basis:100%;margin:0">Format : 2025 (année), 2025-Q1 (trimestre) ou 2025-03 (mois), selon le grain.</p>
</form>`;
}

/** A district's own dashboard: raw figures, by period and by division, for the staff who handle these cases. */
export function districtPage(input: DistrictPageInput): Html {
  const suffix = input.query ? `?${input.query}` : '';
  return html`<h1>Tableau de bord — ${input.district.name}</h1>
<p>Chiffres bruts de l'arrondissement, réservés à son équipe. La vue du ministère, elle, passe par le secret statistique.</p>
${filters(input)}
<p class="actions">Exporter ces données : <a href="/api/v1/districts/${input.district.code}/indicators.csv${suffix}">CSV</a> <a href="/api/v1/districts/${input.district.code}/indicators${suffix}">JSON</a></p>
${INDICATORS.map((definition) => indicatorSection(input, definition))}`;
}
