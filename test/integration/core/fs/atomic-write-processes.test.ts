// Several processes replacing one file at once (two `cloudid` runs saving the same cache, the app
// and the CLI): every read sees one writer's complete bytes, and no temp file is left over.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const writerModule = new URL('../../../../electron/core/fs/safe-file-writer.ts', import.meta.url).pathname;

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A payload that names its writer and round and is big enough that a torn write would show. */
const payload = (writer: number, round: number): string => JSON.stringify({ writer, round, fill: 'x'.repeat(200_000) });

function writerScript(file: string, writer: number, rounds: number): string {
  return [
    `const { writeFileAtomic } = await import(${JSON.stringify(writerModule)});`,
    `for (let round = 0; round < ${rounds}; round++) {`,
    `  const text = JSON.stringify({ writer: ${writer}, round, fill: 'x'.repeat(200_000) });`,
    `  await writeFileAtomic(${JSON.stringify(file)}, text, { mode: 0o600 });`,
    '}',
  ].join('\n');
}

describe('writeFileAtomic across processes', () => {
  it('never shows a reader a mix of two writers, and leaves only the file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cloudid-atomic-'));
    const file = join(dir, 'cache', 'shared.json');
    const rounds = 30;
    const writers = [0, 1, 2, 3].map((w) =>
      run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writerScript(file, w, rounds)], {
        timeout: 60_000,
      }),
    );
    let done = false;
    const finished = Promise.all(writers).finally(() => (done = true));
    const seen = new Set<string>();
    while (!done) {
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text !== null) {
        const { writer, round } = JSON.parse(text) as { writer: number; round: number };
        expect(text).toBe(payload(writer, round));
        seen.add(`${writer}:${round}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await finished;
    expect(seen.size).toBeGreaterThan(0);
    const last = JSON.parse(await readFile(file, 'utf8')) as { writer: number; round: number };
    expect(last.round).toBe(rounds - 1);
    expect(await readdir(join(dir, 'cache'))).toEqual(['shared.json']);
  });
});
