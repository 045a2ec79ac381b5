import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyConfigEdits } from '../../../../../electron/core/aws/config-edit/config-edits';
import { parseManagedMarker } from '../../../../../electron/core/aws/config-edit/managed-marker';
import { editsFor, expectedManagedValues, generatedConfig, MARK } from './config-arbitraries';

let dir: string;
let fileNo = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudid-config-edit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The AWS SDK for JavaScript's own reading of a config text (the oracle). */
async function sdkRead(text: string): Promise<Record<string, Record<string, string | undefined> | undefined>> {
  const path = join(dir, `config-${fileNo++}`);
  await writeFile(path, text);
  const { configFile } = await loadSharedConfigFiles({
    configFilepath: path,
    filepath: join(dir, 'none'),
    ignoreCache: true,
  });
  return configFile;
}

/** `profile.x` -> `x`, `sso-session.x` stays: the keys of the SDK's configFile map. */
function sdkKey(id: string): string {
  return id.startsWith('profile.') ? id.slice('profile.'.length) : id;
}

const scenario = generatedConfig.chain((config) => editsFor(config).map((edits) => ({ config, edits })));

describe('applyConfigEdits on generated files (property)', () => {
  it("keeps every user line byte-identical and in order; everything else is the app's", () => {
    fc.assert(
      fc.property(scenario, ({ config, edits }) => {
        const { text } = applyConfigEdits(config.text, edits);
        let cursor = 0;
        let rest = '';
        for (const chunk of config.chunks) {
          if (chunk.kind !== 'user') continue;
          const at = text.indexOf(chunk.text, cursor);
          expect(at, `user section ${chunk.id} changed or moved`).toBeGreaterThanOrEqual(0);
          rest += text.slice(cursor, at);
          cursor = at + chunk.text.length;
        }
        rest += text.slice(cursor);
        for (const line of rest.split(/\r?\n/)) {
          const isOurs =
            line.trim() === '' ||
            parseManagedMarker(line) === MARK ||
            /^\[profile (managed|new)-\d+\]$/.test(line) ||
            /^mk_[a-d] = \S+$/.test(line);
          expect(isOurs, `unexpected line ${JSON.stringify(line)}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is the identity when no edit applies, and refuses every edit of a user section', () => {
    fc.assert(
      fc.property(scenario, ({ config, edits }) => {
        const onUser = edits.filter((e) => config.chunks.some((c) => c.kind === 'user' && c.id === e.section));
        const result = applyConfigEdits(config.text, onUser);
        expect(result.text).toBe(config.text);
        expect(result.problems).toHaveLength(onUser.length);
      }),
      { numRuns: 200 },
    );
  });

  it("reads back, with the SDK's own parser, exactly the intended values", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ config, edits }) => {
        const before = await sdkRead(config.text);
        const result = applyConfigEdits(config.text, edits);
        const after = await sdkRead(result.text);
        const expected = expectedManagedValues(config, edits);
        const managedIds = new Set([
          ...config.chunks.filter((c) => c.kind === 'managed').map((c) => c.id),
          ...expected.keys(),
        ]);
        for (const chunk of config.chunks) {
          if (chunk.kind === 'user') expect(after[sdkKey(chunk.id)]).toEqual(before[sdkKey(chunk.id)]);
        }
        for (const id of managedIds) {
          const want = expected.get(id);
          const got = after[sdkKey(id)];
          if (want === undefined || want.size === 0) expect(got).toBeUndefined();
          else expect(got).toEqual(Object.fromEntries(want));
        }
        const known = new Set([...config.chunks.map((c) => sdkKey(c.id)), ...[...managedIds].map(sdkKey)]);
        expect(Object.keys(after).filter((k) => !known.has(k))).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('gives back the original text after adding sections and removing them again', () => {
    fc.assert(
      fc.property(scenario, ({ config, edits }) => {
        fc.pre(config.text.endsWith('\n'));
        const adds = edits.filter((e) => e.op === 'add-section');
        const added = applyConfigEdits(config.text, adds).text;
        const removed = applyConfigEdits(
          added,
          adds.map((e) => ({ op: 'remove-section', section: e.section, requireMarker: MARK })),
        );
        expect(removed.text).toBe(config.text);
      }),
      { numRuns: 200 },
    );
  });
});
