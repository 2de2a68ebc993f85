/** WinAnsiEncoding bytes 0x80–0x9F that differ from Latin-1 (PDF 1.4 reference, appendix D). */
const WIN_ANSI_SPECIALS: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** French typography uses narrow and ordinary no-break spaces; the standard fonts print them as spaces. */
const SPACES = new Set(['\u202f', '\u2009', '\u2007']);

/** Unicode text to WinAnsi bytes; a character the standard fonts cannot show becomes `?`, never a broken byte. */
export function winAnsiBytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) as number;
    if (SPACES.has(char)) bytes.push(0x20);
    else if (WIN_ANSI_SPECIALS[char] !== undefined) bytes.push(WIN_ANSI_SPECIALS[char] as number);
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (char === '\n' || char === '\t') bytes.push(0x20);
    else bytes.push(0x3f);
  }
  return bytes;
}

/** A PDF literal string, ASCII only: parentheses and backslashes escaped, every byte above 0x7E as octal. */
export function pdfString(text: string): string {
  return `(${winAnsiBytes(text)
    .map((byte) => {
      if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
      if (byte < 0x20 || byte > 0x7e) return `\\${byte.toString(8).padStart(3, '0')}`;
      return String.fromCharCode(byte);
    })
    .join('')})`;
}

/** Helvetica advance widths (1/1000 em) for ASCII 0x20–0x7E, from the standard AFM metrics. */
const HELVETICA_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const OTHER_WIDTHS: Readonly<Record<string, number>> = { '€': 556, '…': 1000, '–': 556, '—': 1000, '’': 222, '‘': 222, '“': 333, '”': 333, '«': 556, '»': 556, '·': 278, '°': 400, 'œ': 944, 'Œ': 1000 };

/** Bold glyphs are up to a tenth wider; wrapping on this bound never lets a bold line run into the margin. */
const BOLD_FACTOR = 1.1;

export function textWidth(text: string, size: number, bold: boolean): number {
  let units = 0;
  for (const char of text.normalize('NFC')) {
    const base = char.normalize('NFD').charAt(0);
    const code = base.charCodeAt(0);
    units += OTHER_WIDTHS[char] ?? (code >= 0x20 && code <= 0x7e ? (HELVETICA_ASCII[code - 0x20] as number) : 556);
  }
  return (units / 1000) * size * (bold ? BOLD_FACTOR : 1);
}
