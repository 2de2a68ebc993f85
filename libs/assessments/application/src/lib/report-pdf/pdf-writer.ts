import { pdfString, textWidth } from './win-ansi';

/** What a document is made of; the writer lays it out on A4 pages and wraps long texts. */
export type PdfBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean }
  | { readonly kind: 'field'; readonly label: string; readonly value: string }
  | { readonly kind: 'bullet'; readonly text: string };

export interface PdfDocumentInfo {
  readonly title: string;
  /** Running header on every page. */
  readonly header: string;
  /** ISO-8601 instant: the document's own date, so the same version always gives the same bytes. */
  readonly createdAt: string;
}

interface Line {
  readonly text: string;
  readonly bold: boolean;
  readonly size: number;
  readonly x: number;
  /** Space before the line, in points. */
  readonly lead: number;
}

interface PlacedLine extends Line {
  /** Baseline, from the bottom of the page. */
  readonly y: number;
}

const PAGE = { width: 595, height: 842, margin: 56 };
const BODY = 10;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** A PDF 1.4 file with Helvetica in WinAnsiEncoding: French accents print and extract as text. */
export function renderPdf(blocks: readonly PdfBlock[], info: PdfDocumentInfo): Buffer {
  const pages = paginate(blocks.flatMap(linesOf));
  const objects: string[] = [];
  const pageRefs = pages.map((_, index) => `${6 + index * 2} 0 R`);
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  objects.push(`<< /Title ${pdfString(info.title)} /Producer (Lien) /CreationDate (D:${pdfDate(info.createdAt)}) >>`);
  pages.forEach((lines, index) => {
    const stream = pageContent(lines, info.header, `Page ${index + 1} / ${pages.length}`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${7 + index * 2} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  });
  return serialise(objects);
}

function linesOf(block: PdfBlock): Line[] {
  switch (block.kind) {
    case 'title':
      return wrap(block.text, 16, true, 0).map((line, i) => ({ ...line, lead: i === 0 ? 0 : 4 }));
    case 'heading':
      return wrap(block.text, 12, true, 0).map((line, i) => ({ ...line, lead: i === 0 ? 14 : 2 }));
    case 'paragraph':
      return wrap(block.text, BODY, block.bold ?? false, 0).map((line, i) => ({ ...line, lead: i === 0 ? 6 : 2 }));
    case 'field':
      return [...wrap(block.label, BODY, true, 0).map((line) => ({ ...line, lead: 4 })), ...wrap(block.value, BODY, false, 14).map((line) => ({ ...line, lead: 2 }))];
    case 'bullet':
      return wrap(`•  ${block.text}`, BODY, false, 8).map((line, i) => ({ ...line, x: PAGE.margin + (i === 0 ? 8 : 20), lead: i === 0 ? 3 : 2 }));
  }
}

function wrap(text: string, size: number, bold: boolean, indent: number): Line[] {
  const width = CONTENT_WIDTH - indent;
  const lines: Line[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (current !== '' && textWidth(candidate, size, bold) > width) {
        lines.push({ text: current, bold, size, x: PAGE.margin + indent, lead: 0 });
        current = word;
      } else current = candidate;
    }
    lines.push({ text: current, bold, size, x: PAGE.margin + indent, lead: 0 });
  }
  return lines;
}

function paginate(lines: readonly Line[]): PlacedLine[][] {
  const top = PAGE.height - PAGE.margin;
  const bottom = PAGE.margin + 14;
  const pages: PlacedLine[][] = [[]];
  let y = top;
  for (const line of lines) {
    const step = line.lead + line.size * 1.25;
    if (y - step < bottom && (pages[pages.length - 1] as PlacedLine[]).length > 0) {
      pages.push([]);
      y = top;
    }
    y -= step;
    (pages[pages.length - 1] as PlacedLine[]).push({ ...line, y });
  }
  return pages;
}

function pageContent(lines: readonly PlacedLine[], header: string, footer: string): string {
  const text = (font: string, size: number, x: number, y: number, value: string) => `BT /${font} ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm ${pdfString(value)} Tj ET`;
  return [
    '0.35 g',
    text('F1', 8, PAGE.margin, PAGE.height - 34, header),
    text('F1', 8, PAGE.width - PAGE.margin - textWidth(footer, 8, false), 30, footer),
    '0 g',
    ...lines.map((line) => text(line.bold ? 'F2' : 'F1', line.size, line.x, line.y, line.text)),
  ].join('\n');
}

function pdfDate(instant: string): string {
  return instant.replace(/[-:T]/g, '').replace(/\.\d+/, '');
}

function serialise(objects: readonly string[]): Buffer {
  // The binary comment on line 2 tells file-transfer tools the file is not plain text.
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]?.length ?? 0;
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
