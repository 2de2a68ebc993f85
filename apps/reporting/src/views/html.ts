/** Escapes text for HTML content and attribute values: every dynamic value goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A fragment already escaped: the only way markup enters a page. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** Template tag: interpolated values are escaped unless they are `Html` (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const part = (v: unknown): string => (v instanceof Html ? v.markup : Array.isArray(v) ? v.map(part).join('') : v === undefined || v === null || v === false ? '' : escapeHtml(v));
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}

const number = new Intl.NumberFormat('fr-BE', { maximumFractionDigits: 1 });

export function formatNumber(value: number): string {
  return number.format(value);
}

/** Colours chosen for at least 7:1 contrast on white (text) and 3:1 for graphics (WCAG 2.2 AA). */
const STYLE = `
  :root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --accent: #0b4f8a; --line: #767676; --secret: #5c2d00; --bg-secret: #fff3e0; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; }
  a { color: var(--accent); }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
  .skip { position: absolute; left: -9999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
  header { background: var(--accent); color: #fff; padding: .75rem 1.5rem; display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
  header a, header button { color: #fff; } header button { background: transparent; border: 1px solid #fff; padding: .25rem .75rem; font: inherit; cursor: pointer; }
  main { padding: 1rem 1.5rem 3rem; max-width: 80rem; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 2px solid var(--accent); }
  .note { border-left: 4px solid var(--secret); background: var(--bg-secret); padding: .5rem 1rem; }
  .table-scroll { overflow-x: auto; }
  table { border-collapse: collapse; margin: .5rem 0 1rem; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: right; }
  th[scope=row], thead th:first-child { text-align: left; }
  thead th { background: #e8eef5; } tfoot th, tfoot td { font-weight: 700; background: #f2f2f2; }
  td.secret { color: var(--secret); background: var(--bg-secret); font-style: italic; }
  form.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin: 1rem 0; }
  form.filters fieldset { border: 1px solid var(--line); }
  label { display: block; font-weight: 600; } input, select, textarea, button { font: inherit; }
  .actions a { margin-right: 1rem; }
  .error { border: 2px solid #a30000; padding: .5rem 1rem; color: #a30000; }
  figure { margin: .5rem 0; } figcaption { color: var(--muted); font-size: .9rem; }
`;

export interface PageOptions {
  readonly title: string;
  /** Shown in the header with a sign-out button; absent on the sign-in page. */
  readonly signedIn?: string;
}

export function page(options: PageOptions, body: Html): string {
  const account = options.signedIn
    ? html`<div><span>${options.signedIn}</span> <form method="post" action="/deconnexion" style="display:inline"><button type="submit">Se déconnecter</button></form></div>`
    : html``;
  return `<!doctype html>${html`<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${options.title} — Lien</title><style>${new Html(STYLE)}</style></head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header><strong>Lien — indicateurs de la Clinique du Lien</strong>${account}</header>
<main id="contenu" tabindex="-1">${body}</main>
</body></html>`}`;
}

/** No script at all, styles inline only, nothing framed: a page that cannot run anything it did not ship. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
