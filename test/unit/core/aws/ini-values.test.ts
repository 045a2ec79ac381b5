// IniValues, the flat list behind each INI section's values, must read exactly like the Map of
// IniValue it replaced: same entries in the same order, a key set again keeping its place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IniValues, type IniValue } from '../../../../electron/core/aws/ini-parser';

type Set = [key: string, value: string, file: string, line: number, inlineComment: boolean];

// Few keys, so that keys repeat; up to 40 sets, so that some lists pass the point where
// IniValues moves to a Map index (16 keys).
const setArb: fc.Arbitrary<Set> = fc.tuple(
  fc.oneof(fc.constantFrom('region', 'sso_session', 'Region', 's3.addressing_style'), fc.string({ maxLength: 3 })),
  fc.string({ maxLength: 4 }),
  fc.constantFrom('config', 'credentials'),
  fc.nat(1000),
  fc.boolean(),
);
const setsArb = fc.array(setArb, { maxLength: 40 });

function build(sets: readonly Set[]): { values: IniValues; map: Map<string, IniValue> } {
  const values = new IniValues();
  const map = new Map<string, IniValue>();
  for (const [key, value, file, line, inlineComment] of sets) {
    values.set(key, value, file, line, inlineComment);
    map.set(key, { value, file, line, inlineComment });
  }
  return { values, map };
}

function expectSame(values: IniValues, map: ReadonlyMap<string, IniValue>, probes: readonly string[]): void {
  expect(values.size).toBe(map.size);
  expect([...values]).toEqual([...map]);
  expect([...values.keys()]).toEqual([...map.keys()]);
  expect([...values.values()]).toEqual([...map.values()]);
  expect([...values.entries()]).toEqual([...map.entries()]);
  const seen: [string, IniValue][] = [];
  values.forEach((entry, key, self) => {
    expect(self).toBe(values);
    seen.push([key, entry]);
  });
  expect(seen).toEqual([...map]);
  const keyed: [string, string, boolean][] = [];
  values.forEachKey((key, value, inlineComment) => keyed.push([key, value, inlineComment]), undefined);
  expect(keyed).toEqual([...map].map(([key, entry]) => [key, entry.value, entry.inlineComment]));
  const byIndex: [string, string][] = [];
  for (let i = 0; i < values.size; i++) byIndex.push([values.keyAt(i), values.valueAt(i)]);
  expect(byIndex).toEqual([...map].map(([key, entry]) => [key, entry.value]));
  for (const key of [...map.keys(), ...probes]) {
    expect(values.has(key)).toBe(map.has(key));
    expect(values.get(key)).toEqual(map.get(key));
    expect(values.valueFor(key)).toBe(map.get(key)?.value);
  }
}

describe('IniValues', () => {
  it('reads like a Map of IniValue, before and after it indexes its keys', () => {
    fc.assert(
      fc.property(setsArb, (sets) => {
        const { values, map } = build(sets);
        expectSame(values, map, ['missing', '', 'REGION']);
      }),
      { numRuns: 500 },
    );
  });

  it('lays one list over another like setting the later keys into a copy of the Map', () => {
    fc.assert(
      fc.property(setsArb, setsArb, (under, over) => {
        const base = build(under);
        const top = build(over);
        const merged = new Map(base.map);
        top.map.forEach((entry, key) => merged.set(key, entry));
        expectSame(IniValues.overlaid(base.values, top.values), merged, ['missing']);
        // Neither list it was made from changes.
        expectSame(base.values, base.map, []);
        expectSame(top.values, top.map, []);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the place of a key set again after many others', () => {
    const values = new IniValues();
    for (let i = 0; i < 30; i++) values.set(`k${i}`, `v${i}`, 'f', i + 1, false);
    values.set('k3', 'again', 'g', 99, true);
    values.set('k25', 'again', 'g', 100, false);
    expect([...values.keys()].slice(0, 5)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    expect(values.get('k3')).toEqual({ value: 'again', file: 'g', line: 99, inlineComment: true });
    expect(values.valueFor('k25')).toBe('again');
    expect(values.size).toBe(30);
  });
});
