import { execFileSync } from 'node:child_process';

/** The PDF's text as poppler's `pdftotext` (Debian: poppler-utils) extracts it, whitespace folded; missing, the test fails. */
export function pdfText(pdf: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is not installed: apt-get install -y poppler-utils', { cause: error });
    throw error;
  }
}

/** Supertest hands binary bodies back as a Buffer only with a parser of its own. */
export function binaryParser(response: unknown, done: (error: Error | null, body: unknown) => void): void {
  const stream = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
