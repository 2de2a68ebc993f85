import { execFileSync } from 'node:child_process';

/**
 * The text a reader's PDF tool gets out of the file, by poppler's `pdftotext` (Debian: poppler-utils).
 * Missing, the test fails: a PDF whose text was never extracted is not proven readable.
 */
export function extractPdfText(pdf: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is not installed: apt-get install -y poppler-utils', { cause: error });
    throw error;
  }
}

/** Words in extraction order with line breaks and hyphenation-free wrapping folded into single spaces. */
export function flattened(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
