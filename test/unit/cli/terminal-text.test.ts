import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeControlCharacters,
  oneLine,
  terminalSafeOutput,
  writeTerminalControl,
} from '../../../electron/cli/terminal-text';

const OSC52 = '\u001b]52;c;dG91Y2ggUFdORUQ=\u0007';

describe('escapeControlCharacters', () => {
  it('shows escape sequences, C1 controls, DEL and bidi overrides visibly; keeps line feeds and tabs', () => {
    expect(escapeControlCharacters(`prod${OSC52}`)).toBe('prod\\u001b]52;c;dG91Y2ggUFdORUQ=\\u0007');
    expect(escapeControlCharacters('a\u009b31mb\u007fc\u202ed\re')).toBe('a\\u009b31mb\\u007fc\\u202ed\\u000de');
    expect(escapeControlCharacters('line one\n\tline two — ünïcödé ✓')).toBe('line one\n\tline two — ünïcödé ✓');
  });

  it('leaves no control character but line feed and tab (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // The characters the filter must remove.
        // eslint-disable-next-line no-control-regex
        const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
        expect(escapeControlCharacters(text)).not.toMatch(raw);
      }),
    );
  });

  it('changes no value of JSON output it passes through (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value) => {
        const text = JSON.stringify(value, null, 2);
        expect(JSON.parse(escapeControlCharacters(text))).toEqual(value);
      }),
    );
  });
});

describe('oneLine', () => {
  it('shows line feeds and tabs too, so a value stays on its line', () => {
    expect(oneLine('acme\nPROBLEMS\n\tforged\u001b[2J')).toBe('acme\\u000aPROBLEMS\\u000a\\u0009forged\\u001b[2J');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(oneLine(text)).not.toMatch(/[\n\t\r]/);
      }),
    );
  });
});

describe('terminalSafeOutput', () => {
  it('escapes what commands write, and lets only the progress line control through', () => {
    const written: string[] = [];
    const raw = { write: (text: string) => written.push(text) > 0, isTTY: true };
    const safe = terminalSafeOutput(raw);
    expect(safe.isTTY).toBe(true);
    safe.write(`profile ${OSC52}\n`);
    writeTerminalControl(safe, '\r\u001b[K');
    safe.write('Listing roles: 1/2');
    expect(written).toEqual(['profile \\u001b]52;c;dG91Y2ggUFdORUQ=\\u0007\n', '\r\u001b[K', 'Listing roles: 1/2']);
  });

  it('passes bytes without controls through as they are, and escapes bytes with them (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const written: (string | Uint8Array)[] = [];
        terminalSafeOutput({ write: (chunk) => written.push(chunk) > 0 }).write(Buffer.from(text, 'utf8'));
        const [out] = written;
        const asText = typeof out === 'string' ? out : Buffer.from(out ?? new Uint8Array()).toString('utf8');
        expect(asText).toBe(escapeControlCharacters(Buffer.from(text, 'utf8').toString('utf8')));
      }),
    );
  });
});
