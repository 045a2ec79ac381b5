// fast-check generators of AWS config files as users write them (comments, odd spacing, CRLF or
// mixed line endings, sub-sections, inline comments, no final newline) mixed with sections the
// app marked, plus random edits of the marked ones.
import fc from 'fast-check';
import type { ConfigEdit } from '../../../../../electron/core/aws/config-edit/config-edits';
import { managedMarkerLine } from '../../../../../electron/core/aws/config-edit/managed-marker';

export const MARK = 'sso-sync test-session';
export const MANAGED_KEYS = ['mk_a', 'mk_b', 'mk_c', 'mk_d'] as const;

export interface UserChunk {
  kind: 'user';
  id: string;
  text: string;
}
export interface ManagedChunk {
  kind: 'managed';
  id: string;
  values: Map<string, string>;
}
export interface GeneratedConfig {
  text: string;
  eol: '\n' | '\r\n';
  chunks: Array<UserChunk | ManagedChunk>;
}

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter((k) => !k.startsWith('mk_'));
const value = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9./:@+-]{0,11}$/);
const commentText = fc.stringMatching(/^[ A-Za-z0-9.,=[\]-]{0,20}$/);

type Line = string; // without its line ending

const commentLine = fc.tuple(fc.constantFrom('#', ';', '  #', '##'), commentText).map(([p, t]) => `${p}${t}`);
const spacedEntry = fc
  .tuple(
    word,
    value,
    fc.constantFrom('=', ' = ', '   =  ', '= ', ' ='),
    fc.constantFrom('', '  ', ' '),
    fc.constantFrom('', '', ' # inline note', '  ; x'),
  )
  .map(([k, v, eq, lead, trailing]) => `${lead}${k}${eq}${v}${trailing}`);
const subSection = fc
  .tuple(word, fc.array(fc.tuple(word, value), { minLength: 1, maxLength: 3 }))
  .map(([k, subs]) => [`${k} =`, ...subs.map(([sk, sv]) => `  ${sk} = ${sv}`)]);
const bodyLines = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: spacedEntry.map((l) => [l]) },
      commentLine.map((l) => [l]),
      fc.constant(['']),
      { weight: 1, arbitrary: subSection },
    ),
    {
      maxLength: 6,
    },
  )
  .map((groups) => groups.flat());

function userChunk(index: number): fc.Arbitrary<{ id: string; lines: Line[] }> {
  return fc
    .tuple(
      fc.array(fc.oneof(commentLine, fc.constant('')), { maxLength: 2 }),
      fc.constantFrom('profile', 'profile', 'sso-session'),
      fc.constantFrom('[%]', '  [%]  ', '[%] # my header note', '[%]\t'),
      bodyLines,
    )
    .map(([pre, prefix, shape, body]) => {
      const name = `user-${index}`;
      return { id: `${prefix}.${name}`, lines: [...pre, shape.replace('%', `${prefix} ${name}`), ...body] };
    });
}

const managedValues = fc
  .subarray([...MANAGED_KEYS], { minLength: 1 })
  .chain((keys) => fc.tuple(...keys.map((k) => value.map((v) => [k, v] as const))));

export const generatedConfig: fc.Arbitrary<GeneratedConfig> = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), // true: a user section, false: a managed one
    fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    fc.boolean(), // mixed line endings
    fc.boolean(), // no final newline
  )
  .chain(([kinds, eol, mixed, noFinalEol]) =>
    fc
      .tuple(
        fc.tuple(
          ...kinds.map((isUser, i) =>
            isUser
              ? userChunk(i).map((c) => ({ kind: 'user' as const, ...c }))
              : managedValues.map((v) => ({
                  kind: 'managed' as const,
                  id: `profile.managed-${i}`,
                  values: new Map(v),
                })),
          ),
        ),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
      )
      .map(([parts, flips]) => {
        let lineNo = 0;
        const eolFor = (): string => (mixed && flips[lineNo++ % flips.length] ? (eol === '\n' ? '\r\n' : '\n') : eol);
        const chunks: GeneratedConfig['chunks'] = [];
        let text = '';
        parts.forEach((part, i) => {
          const last = i === parts.length - 1;
          const lines =
            part.kind === 'user'
              ? part.lines
              : [
                  '',
                  managedMarkerLine(MARK),
                  `[profile ${part.id.slice('profile.'.length)}]`,
                  ...[...part.values].map(([k, v]) => `${k} = ${v}`),
                ];
          let chunkText = '';
          lines.forEach((line, j) => {
            chunkText += line + (last && noFinalEol && j === lines.length - 1 ? '' : eolFor());
          });
          text += chunkText;
          chunks.push(
            part.kind === 'user'
              ? { kind: 'user', id: part.id, text: chunkText }
              : { kind: 'managed', id: part.id, values: part.values },
          );
        });
        return { text, eol, chunks };
      }),
  );

/** Random edits of the managed sections, new managed sections, and attempts on the user's. */
export function editsFor(config: GeneratedConfig): fc.Arbitrary<ConfigEdit[]> {
  const perChunk = config.chunks.map((chunk) => {
    if (chunk.kind === 'user') {
      return fc.option(
        fc.constantFrom<ConfigEdit[]>(
          [{ op: 'remove-section', section: chunk.id, requireMarker: MARK }],
          [{ op: 'set', section: chunk.id, key: 'mk_a', value: 'x', requireMarker: MARK }],
        ),
        { nil: [] },
      );
    }
    return fc.oneof(
      fc.constant<ConfigEdit[]>([]),
      fc.constant<ConfigEdit[]>([{ op: 'remove-section', section: chunk.id, requireMarker: MARK }]),
      fc.array(
        fc.oneof(
          fc
            .tuple(fc.constantFrom(...MANAGED_KEYS), value)
            .map(([key, v]): ConfigEdit => ({ op: 'set', section: chunk.id, key, value: v, requireMarker: MARK })),
          fc
            .constantFrom(...MANAGED_KEYS)
            .map((key): ConfigEdit => ({ op: 'unset', section: chunk.id, key, requireMarker: MARK })),
        ),
        { maxLength: 4 },
      ),
    );
  });
  const additions = fc
    .array(managedValues, { maxLength: 3 })
    .map((list) =>
      list.map((entries, i): ConfigEdit => ({ op: 'add-section', section: `profile.new-${i}`, marker: MARK, entries })),
    );
  return fc.tuple(fc.tuple(...perChunk), additions).map(([edits, adds]) => [...edits.flat(), ...adds]);
}

/** The values the SDK should read from each managed section after the edits (absent: removed). */
export function expectedManagedValues(
  config: GeneratedConfig,
  edits: readonly ConfigEdit[],
): Map<string, Map<string, string>> {
  const expected = new Map<string, Map<string, string>>();
  for (const chunk of config.chunks) if (chunk.kind === 'managed') expected.set(chunk.id, new Map(chunk.values));
  for (const edit of edits) {
    const section = expected.get(edit.section);
    if (edit.op === 'add-section') expected.set(edit.section, new Map(edit.entries));
    else if (section === undefined) continue;
    else if (edit.op === 'remove-section') expected.delete(edit.section);
    else if (edit.op === 'set') section.set(edit.key, edit.value);
    else section.delete(edit.key);
  }
  return expected;
}
