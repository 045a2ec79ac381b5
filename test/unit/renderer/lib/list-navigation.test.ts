import { describe, expect, it } from 'vitest';
import { nextIndex, typeaheadIndex } from '../../../../renderer/src/lib/list-navigation';

describe('nextIndex', () => {
  it('moves by one and stops at the ends', () => {
    expect(nextIndex('ArrowDown', 0, 3, 10)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3, 10)).toBe(2);
    expect(nextIndex('ArrowUp', 0, 3, 10)).toBe(0);
    expect(nextIndex('ArrowUp', 2, 3, 10)).toBe(1);
  });

  it('starts at the first option when nothing is selected', () => {
    expect(nextIndex('ArrowDown', -1, 3, 10)).toBe(0);
    expect(nextIndex('ArrowUp', -1, 3, 10)).toBe(0);
  });

  it('jumps by pages and to the ends', () => {
    expect(nextIndex('PageDown', 5, 100, 10)).toBe(15);
    expect(nextIndex('PageDown', 95, 100, 10)).toBe(99);
    expect(nextIndex('PageUp', 5, 100, 10)).toBe(0);
    expect(nextIndex('Home', 50, 100, 10)).toBe(0);
    expect(nextIndex('End', 50, 100, 10)).toBe(99);
  });

  it('clamps a stale index after the list shrank', () => {
    expect(nextIndex('ArrowUp', 40, 3, 10)).toBe(1);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextIndex('a', 0, 3, 10)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0, 10)).toBeNull();
  });
});

describe('typeaheadIndex', () => {
  const names = ['default', 'deploy', 'dev', 'prod', 'Prod-eu', 'staging'];

  it('jumps to the next name starting with a typed letter, cycling', () => {
    expect(typeaheadIndex(names, 'p', 0)).toBe(3);
    expect(typeaheadIndex(names, 'p', 3)).toBe(4);
    expect(typeaheadIndex(names, 'p', 4)).toBe(3);
    expect(typeaheadIndex(names, 's', -1)).toBe(5);
  });

  it('keeps the current option while a longer prefix still matches', () => {
    expect(typeaheadIndex(names, 'de', 0)).toBe(0);
    expect(typeaheadIndex(names, 'dev', 0)).toBe(2);
    expect(typeaheadIndex(names, 'prod-', 3)).toBe(4);
  });

  it('is null when nothing matches', () => {
    expect(typeaheadIndex(names, 'x', 0)).toBeNull();
    expect(typeaheadIndex([], 'a', 0)).toBeNull();
  });
});
