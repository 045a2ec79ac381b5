// The remembered STS answers on disk: what is kept, for how long, and what a damaged file costs.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_AGE_MS, MAX_ENTRIES, openIdentityMemory } from '../../../../electron/core/aws/identity-memory';
import type { IdentityCheck } from '../../../../electron/shared/model';

const ALICE = { account: '111122223333', arn: 'arn:aws:iam::111122223333:user/alice', userId: 'AIDAALICE0000000001' };
const T0 = Date.parse('2026-12-07T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;

const answered = (checkedAt: number, identity = ALICE): IdentityCheck => ({
  profile: 'default',
  checkedAt: new Date(checkedAt).toISOString(),
  identity,
  error: null,
});
const failed = (kind: NonNullable<IdentityCheck['error']>['kind']): IdentityCheck => ({
  profile: 'default',
  checkedAt: new Date(T0).toISOString(),
  identity: null,
  error: { kind, message: 'no' },
});

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'identity-memory-'));
  file = path.join(dir, 'app', 'remembered-identities.json');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('identity memory', () => {
  it('remembers an answer by credential source, across runs, in a private file', async () => {
    const first = await openIdentityMemory(file, { now: () => T0 });
    expect(first.record('static AKIAAAAAAAAAAAAAAAAA', answered(T0))).toBe(true);
    await first.save();

    const second = await openIdentityMemory(file, { now: () => T0 + 2 * HOUR });
    expect(second.recall('static AKIAAAAAAAAAAAAAAAAA')).toEqual({
      identity: ALICE,
      checkedAt: '2026-12-07T12:00:00.000Z',
    });
    expect(second.recall('static AKIABBBBBBBBBBBBBBBB')).toBeNull();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the source name and the answer, and no secret', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const memory = await openIdentityMemory(file, { now: () => T0 });
    // A check carries no secret; the caller names the source. The file holds these fields only.
    memory.record('static AKIAAAAAAAAAAAAAAAAA', { ...answered(T0), secretAccessKey: secret } as IdentityCheck);
    await memory.save();
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      identities: [{ source: 'static AKIAAAAAAAAAAAAAAAAA', ...ALICE, checkedAt: '2026-12-07T12:00:00.000Z' }],
    });
  });

  it('stops using an answer older than the limit, and drops it from the file', async () => {
    const memory = await openIdentityMemory(file, { now: () => T0 });
    memory.record('old', answered(T0 - MAX_AGE_MS - 1));
    memory.record('new', answered(T0 - MAX_AGE_MS + HOUR));
    expect(memory.recall('old')).toBeNull();
    expect(memory.recall('new')).not.toBeNull();
    await memory.save();
    const stored = JSON.parse(await readFile(file, 'utf8')) as { identities: { source: string }[] };
    expect(stored.identities.map((e) => e.source)).toEqual(['new']);
  });

  it('forgets credentials AWS refused, and keeps them through a network failure', async () => {
    const memory = await openIdentityMemory(file, { now: () => T0 });
    memory.record('a', answered(T0));
    memory.record('b', answered(T0));
    await memory.save();
    expect(memory.record('a', failed('network'))).toBe(false);
    expect(memory.record('a', failed('timeout'))).toBe(false);
    expect(memory.record('b', failed('access-denied'))).toBe(true);
    await memory.save();
    const again = await openIdentityMemory(file, { now: () => T0 });
    expect(again.recall('a')).not.toBeNull();
    expect(again.recall('b')).toBeNull();
  });

  it('merges with what another process wrote meanwhile, the newer answer winning', async () => {
    const app = await openIdentityMemory(file, { now: () => T0 });
    const cli = await openIdentityMemory(file, { now: () => T0 });
    const bob = { ...ALICE, arn: 'arn:aws:iam::111122223333:user/bob', userId: 'AIDABOB00000000000001' };
    cli.record('shared', answered(T0 + HOUR, bob));
    cli.record('cli-only', answered(T0));
    await cli.save();
    app.record('shared', answered(T0));
    app.record('app-only', answered(T0));
    await app.save();
    // The app, having written, knows what the CLI wrote too.
    expect(app.recall('cli-only')).not.toBeNull();
    expect(app.recall('shared')?.identity).toEqual(bob);
    const read = await openIdentityMemory(file, { now: () => T0 + HOUR });
    expect(read.recall('shared')?.identity).toEqual(bob);
    expect(read.recall('cli-only')).not.toBeNull();
    expect(read.recall('app-only')).not.toBeNull();
  });

  it('keeps only the newest entries past its bound', async () => {
    const memory = await openIdentityMemory(file, { now: () => T0 });
    for (let i = 0; i < MAX_ENTRIES + 5; i++) memory.record(`source ${i}`, answered(T0 - (MAX_ENTRIES + 5 - i) * 1000));
    await memory.save();
    const stored = JSON.parse(await readFile(file, 'utf8')) as { identities: { source: string }[] };
    expect(stored.identities).toHaveLength(MAX_ENTRIES);
    expect(stored.identities.map((e) => e.source)).not.toContain('source 0');
    expect(stored.identities.map((e) => e.source)).toContain(`source ${MAX_ENTRIES + 4}`);
  });

  it.each([
    ['not JSON', '{"version":1,"identi'],
    ['another shape', JSON.stringify({ version: 2, identities: [] })],
    ['a damaged entry', JSON.stringify({ version: 1, identities: [{ source: 'x', account: 1 }] })],
  ])('reports a file that is %s, uses none of it, and rewrites it on the next save', async (_, text) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    const memory = await openIdentityMemory(file, { now: () => T0 });
    expect(memory.problem).toEqual(
      expect.objectContaining({ severity: 'warning', file, message: expect.stringMatching(/damaged/) }),
    );
    expect(memory.recall('x')).toBeNull();
    memory.record('static AKIAAAAAAAAAAAAAAAAA', answered(T0));
    await memory.save();
    expect(memory.problem).toBeNull();
    const again = await openIdentityMemory(file, { now: () => T0 });
    expect(again.problem).toBeNull();
    expect(again.recall('static AKIAAAAAAAAAAAAAAAAA')).not.toBeNull();
  });

  it('reports a file it cannot read, without throwing', async () => {
    await mkdir(file, { recursive: true }); // a folder where the file should be
    const memory = await openIdentityMemory(file, { now: () => T0 });
    expect(memory.problem?.message).toMatch(/cannot be read/);
    expect(memory.recall('x')).toBeNull();
  });
});
