/**
 * Instrument scores as one primitive: `<instrument>@<version>/<respondent>:<scale>=<score>,…` per
 * instrument, instruments separated by `;`, respondent empty when not given, scales in alphabetical order
 * (stores such as PostgreSQL jsonb do not keep key order, and a re-sent contract must read the same). E.g.
 * `SDQ@1/parent:conduct=3,emotional=6,hyperactivity=4,peer=2,prosocial=7,totalDifficulties=15`.
 */
export interface EncodedInstrumentScores {
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly respondent: string | null;
  readonly scores: Readonly<Record<string, number>>;
}

export function encodeInstrumentScores(instruments: readonly EncodedInstrumentScores[]): string {
  return instruments
    .map((i) => `${i.instrumentId}@${i.instrumentVersion}/${i.respondent ?? ''}:${Object.keys(i.scores).sort().map((scale) => `${scale}=${i.scores[scale]}`).join(',')}`)
    .join(';');
}

export function decodeInstrumentScores(encoded: string): EncodedInstrumentScores[] {
  if (encoded === '') return [];
  return encoded.split(';').map((part) => {
    const match = /^([^@]+)@([^/]+)\/([^:]*):(.*)$/.exec(part);
    if (!match) throw new Error('instrument scores are malformed');
    const [, instrumentId, instrumentVersion, respondent, list] = match as unknown as [string, string, string, string, string];
    const scores = Object.fromEntries(
      list.split(',').map((pair) => {
        const [scale, score] = pair.split('=');
        if (!scale || score === undefined || Number.isNaN(Number(score))) throw new Error('instrument scores are malformed');
        return [scale, Number(score)];
      }),
    );
    return { instrumentId, instrumentVersion, respondent: respondent === '' ? null : respondent, scores };
  });
}
