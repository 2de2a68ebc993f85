import { formatNumber, html, Html } from './html';

export interface Bar {
  readonly label: string;
  /** `null` for a suppressed value: drawn as a hatched mark of fixed size that says nothing of its size. */
  readonly value: number | null;
}

export interface BarChart {
  /** Unique on the page: ids of the title, description and pattern derive from it. */
  readonly id: string;
  readonly title: string;
  readonly bars: readonly Bar[];
}

const LABEL_WIDTH = 190;
const PLOT_WIDTH = 380;
const BAR = 22;
const GAP = 8;
const SECRET_WIDTH = 64;

/** The chart's text alternative: every bar's label and value, as a sentence a screen reader reads out. */
export function describeBars(bars: readonly Bar[]): string {
  return bars.map((b) => `${b.label} : ${b.value === null ? 'secret statistique' : formatNumber(b.value)}`).join(' ; ');
}

/**
 * A horizontal bar chart in server-side SVG. Its title and description carry the full data for
 * assistive technologies; the table beside it carries the same numbers for everyone.
 */
export function barChart(chart: BarChart): Html {
  const max = Math.max(1, ...chart.bars.map((b) => b.value ?? 0));
  const height = chart.bars.length * (BAR + GAP) + GAP;
  const width = LABEL_WIDTH + PLOT_WIDTH + 70;
  const rows = chart.bars.map((bar, i) => {
    const y = GAP + i * (BAR + GAP);
    const label = html`<text x="${LABEL_WIDTH - 8}" y="${y + BAR * 0.7}" text-anchor="end">${bar.label}</text>`;
    if (bar.value === null) {
      return html`${label}<rect x="${LABEL_WIDTH}" y="${y}" width="${SECRET_WIDTH}" height="${BAR}" fill="url(#${chart.id}-hatch)" stroke="#5c2d00"/><text x="${LABEL_WIDTH + SECRET_WIDTH + 6}" y="${y + BAR * 0.7}" fill="#5c2d00" font-style="italic">secret</text>`;
    }
    const length = Math.round((bar.value / max) * PLOT_WIDTH);
    return html`${label}<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.max(length, 1)}" height="${BAR}" fill="#0b4f8a"/><text x="${LABEL_WIDTH + Math.max(length, 1) + 6}" y="${y + BAR * 0.7}">${formatNumber(bar.value)}</text>`;
  });
  return html`<figure>
<svg role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="13" fill="#1a1a1a" xmlns="http://www.w3.org/2000/svg">
<title id="${chart.id}-title">${chart.title}</title>
<desc id="${chart.id}-desc">${describeBars(chart.bars)}</desc>
<defs><pattern id="${chart.id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff3e0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#5c2d00" stroke-width="2"/></pattern></defs>
<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}" stroke="#767676"/>
${rows}
</svg>
<figcaption>${chart.title}. Les mêmes valeurs figurent dans le tableau ci-dessous.</figcaption>
</figure>`;
}
