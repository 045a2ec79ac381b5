import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, excerpt } from '../../../electron/shared/excerpt';

describe('excerpt', () => {
  it('keeps short text and cuts long text to EXCERPT_CHARS and an ellipsis', () => {
    expect(excerpt('role')).toBe('role');
    expect(excerpt('a'.repeat(EXCERPT_CHARS))).toBe('a'.repeat(EXCERPT_CHARS));
    expect(excerpt('a'.repeat(15_000_000))).toBe(`${'a'.repeat(EXCERPT_CHARS)}…`);
  });

  it('never cuts a surrogate pair in half', () => {
    const text = `${'a'.repeat(EXCERPT_CHARS - 1)}😀tail`;
    expect(excerpt(text)).toBe(`${'a'.repeat(EXCERPT_CHARS - 1)}…`);
    expect(excerpt(text).isWellFormed()).toBe(true);
  });
});
