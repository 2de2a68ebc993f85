import { execFileSync } from 'node:child_process';
import { extractPdfText, flattened } from './pdf-text.spec-helper';
import { renderPdf } from './pdf-writer';

const info = { title: 'Rapport au mandant', header: 'Clinique du Lien — confidentiel', createdAt: '2026-05-04T10:15:00.000Z' };

describe('the PDF writer', () => {
  it('given French text with accents, quotes and parentheses, when rendered, then pdftotext extracts it unchanged', () => {
    const sentence = 'L’enfant a dit : « Je veux qu’on arrête » (entretien du 2 avril) — écœurée, déçue, 100 € \\ fin.';
    const text = extractPdfText(renderPdf([{ kind: 'title', text: 'Évaluation du bien-être' }, { kind: 'paragraph', text: sentence }], info));
    expect(text).toContain('Évaluation du bien-être');
    expect(flattened(text)).toContain(flattened(sentence));
  });

  it('given a text longer than a line, when rendered, then it wraps inside the margins and reads back whole', () => {
    const long = Array.from({ length: 60 }, (_, i) => `mot${i}`).join(' ');
    const pdf = renderPdf([{ kind: 'field', label: 'Motivation', value: long }], info);
    const text = extractPdfText(pdf);
    expect(flattened(text)).toContain(long);
    expect(text.split('\n').filter((line) => line.includes('mot')).length).toBeGreaterThan(1);
  });

  it('given more lines than a page holds, when rendered, then it continues on numbered pages', () => {
    const blocks = Array.from({ length: 120 }, (_, i) => ({ kind: 'bullet' as const, text: `Séance ${i + 1}` }));
    const text = extractPdfText(renderPdf(blocks, info));
    expect(text).toContain('Séance 120');
    expect(text).toMatch(/Page 1 \/ [2-9]/);
  });

  it('given the same blocks and date, when rendered twice, then the bytes are the same, and the file passes pdfinfo', () => {
    const blocks = [{ kind: 'heading' as const, text: 'Décision' }];
    const pdf = renderPdf(blocks, info);
    expect(renderPdf(blocks, info).equals(pdf)).toBe(true);
    const details = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
    expect(details).toMatch(/PDF version:\s+1\.4/);
    expect(details).toMatch(/Title:\s+Rapport au mandant/);
  });
});
