import { DistrictReport, indicatorById, MinistryReport, PublishedRow, PublishedValue, RawIndicatorRow } from '@lien/reporting-domain';

/** The word a suppressed value reads as, in every export and page. */
export const SECRET = 'secret';

/** RFC 4180: a field is quoted when it holds a comma, a quote or a line break. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: ReadonlyArray<string | number>) => values.map(field).join(',');
const shown = (v: PublishedValue | undefined) => (v === undefined ? undefined : v.status === 'published' ? v.value : SECRET);

/** Categories in the catalogue's order (a stored report comes back from jsonb with its keys reordered). */
function publishedMeasures(indicator: string, row: PublishedRow): Array<[string, string | number]> {
  const measures: Array<[string, string | number | undefined]> = [
    ...indicatorById(indicator).categories.map(({ code }): [string, string | number | undefined] => [code, shown(row.cells[code])]),
    ['total', shown(row.total)],
    ['median', shown(row.median)],
    ['p90', shown(row.p90)],
    ['part_pct', shown(row.share)],
    ['capacite', row.capacity],
    ['occupation_pct', shown(row.occupancy)],
  ];
  return measures.filter((m): m is [string, string | number] => m[1] !== undefined);
}

/**
 * The ministry's export: exactly the cells of the protected reports, one per line; a suppressed cell
 * reads `secret` and nothing else, as on the page and in the JSON.
 */
export function ministryCsv(reports: readonly MinistryReport[]): string {
  const lines = [line(['periode', 'indicateur', 'arrondissement', 'mesure', 'valeur'])];
  for (const report of reports) {
    for (const indicator of report.indicators) {
      for (const row of [...indicator.rows, indicator.total]) {
        for (const [measure, value] of publishedMeasures(indicator.id, row)) lines.push(line([report.period.key, indicator.id, row.district, measure, value]));
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function rawMeasures(row: RawIndicatorRow): Array<[string, number]> {
  const extra: Array<[string, number | undefined]> = [['median', row.median], ['p90', row.p90], ['part_pct', row.share], ['capacite', row.capacity], ['occupation_pct', row.occupancy]];
  return [...Object.entries(row.cells), ['total', row.total] as [string, number], ...extra.filter((m): m is [string, number] => m[1] !== undefined)];
}

/** A district's export, raw like its dashboard: by period for the whole district, then by division over the range. */
export function districtCsv(report: DistrictReport): string {
  const lines = [line(['periode', 'indicateur', 'division', 'mesure', 'valeur'])];
  for (const { period, indicators } of report.periods) {
    for (const [id, row] of Object.entries(indicators)) for (const [measure, value] of rawMeasures(row)) lines.push(line([period.key, id, '', measure, value]));
  }
  const range = `${report.periods[0]?.period.key ?? ''}..${report.periods[report.periods.length - 1]?.period.key ?? ''}`;
  for (const { division, indicators } of report.byDivision) {
    for (const [id, row] of Object.entries(indicators)) for (const [measure, value] of rawMeasures(row)) lines.push(line([range, id, division ?? 'sans-division', measure, value]));
  }
  return `${lines.join('\r\n')}\r\n`;
}
