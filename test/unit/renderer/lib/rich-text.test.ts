import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitHeadline, splitInlineCode } from '../../../../renderer/src/lib/rich-text';

describe('splitInlineCode', () => {
  it('turns backticked spans into code runs', () => {
    expect(splitInlineCode('run `aws sso login` now')).toEqual([
      { text: 'run ', code: false },
      { text: 'aws sso login', code: true },
      { text: ' now', code: false },
    ]);
  });

  it('keeps an unpaired backtick as text', () => {
    expect(splitInlineCode('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
  });

  it('loses no text apart from the paired backticks', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const joined = splitInlineCode(text)
          .map((run) => run.text)
          .join('');
        const pairedBackticks = text.length - joined.length;
        expect(pairedBackticks % 2).toBe(0);
        expect(joined.length + pairedBackticks).toBe(text.length);
      }),
    );
  });
});

describe('splitHeadline', () => {
  it('splits after the first sentence, not inside versions, paths or code', () => {
    const warning =
      'The first `aws` on PATH is AWS CLI v1: /home/u/.local/bin/aws (AWS CLI 1.45.11). AWS SSO needs AWS CLI v2. Install it.';
    expect(splitHeadline(warning)).toEqual({
      headline: 'The first `aws` on PATH is AWS CLI v1: /home/u/.local/bin/aws (AWS CLI 1.45.11).',
      rest: 'AWS SSO needs AWS CLI v2. Install it.',
    });
    expect(splitHeadline('Run `cd ./x. Then` here. Done')).toEqual({
      headline: 'Run `cd ./x. Then` here.',
      rest: 'Done',
    });
  });

  it('keeps a single sentence whole', () => {
    expect(splitHeadline('Only one sentence.')).toEqual({ headline: 'Only one sentence.', rest: '' });
  });
});
