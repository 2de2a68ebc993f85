import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidInstrumentConfiguration, loadInstrumentRegistry, parseInstrument } from './instrument-registry.loader';

const CONFIG = resolve(__dirname, '../../../../../../config/instruments');
const scale = (code: string, extra: object = {}) => ({ code, label: code, min: 0, max: 10, higherIsBetter: false, ...extra });

describe('the instrument registry', () => {
  it('given the shipped configuration, when loaded, then the SDQ has five subscales of 0–10 and a total difficulties of 0–40 summing the four difficulty subscales', () => {
    const sdq = loadInstrumentRegistry(CONFIG)['SDQ'];
    expect(sdq?.scales.filter((s) => !s.sumOf).map((s) => [s.code, s.min, s.max])).toEqual([
      ['emotional', 0, 10],
      ['conduct', 0, 10],
      ['hyperactivity', 0, 10],
      ['peer', 0, 10],
      ['prosocial', 0, 10],
    ]);
    expect(sdq?.scales.find((s) => s.sumOf)).toMatchObject({ code: 'totalDifficulties', min: 0, max: 40, sumOf: ['emotional', 'conduct', 'hyperactivity', 'peer'] });
  });

  it('given an instrument file with item texts, when parsed, then it is refused: scores only, never licensed items', () => {
    expect(() => parseInstrument('x.json', { id: 'X', version: '1', name: 'X', scales: [scale('a')], items: ['…'] })).toThrow(/unknown field items/);
  });

  it('given a derived scale whose range is not the sum of its parts, when parsed, then it is refused', () => {
    const scales = [scale('a'), scale('b'), scale('total', { max: 30, sumOf: ['a', 'b'] })];
    expect(() => parseInstrument('x.json', { id: 'X', version: '1', name: 'X', scales })).toThrow(/must range 0–20/);
  });

  it('given a derived scale summing an unknown scale, when parsed, then it is refused', () => {
    expect(() => parseInstrument('x.json', { id: 'X', version: '1', name: 'X', scales: [scale('a'), scale('total', { sumOf: ['a', 'z'] })] })).toThrow(InvalidInstrumentConfiguration);
  });

  it('given two files defining the same instrument, when the folder is loaded, then it is refused', () => {
    const folder = mkdtempSync(join(tmpdir(), 'instruments-'));
    try {
      for (const file of ['a.json', 'b.json']) writeFileSync(join(folder, file), JSON.stringify({ id: 'X', version: '1', name: 'X', scales: [scale('a')] }));
      expect(() => loadInstrumentRegistry(folder)).toThrow(/defined twice/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
