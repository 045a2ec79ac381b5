// The SSO token folder read on a worker thread must tell the rest of the app exactly what the
// main thread's own careful read tells it, for good files and for every kind of bad one.
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAwsInputs } from '../../../../electron/core/aws/aws-sources';
import { createTokenFolderReader, type TokenFolderReader } from '../../../../electron/core/aws/token-folder-reader';
import { cacheStamp, makeAwsHome, type AwsHome } from '../../../support/aws-home';

const NOW = Date.parse('2026-11-26T12:00:00Z');
let home: AwsHome | null = null;
let reader: TokenFolderReader | null = null;
afterEach(async () => {
  await reader?.close();
  reader = null;
  await home?.cleanup();
  home = null;
});

const SESSIONS = [
  'ok',
  'refreshable',
  'empty',
  'half',
  'bom',
  'folder',
  'fifo',
  'big',
  'huge',
  'dangling',
  'absent',
  'unicode',
];

async function oddHome(): Promise<AwsHome> {
  const h = (home = await makeAwsHome());
  await h.writeConfig(
    SESSIONS.map(
      (s, i) =>
        `[sso-session ${s}]\nsso_start_url = https://${s}.awsapps.com/start\nsso_region = eu-west-1\n\n[profile p${i}]\nsso_session = ${s}\nsso_account_id = 11112222333${i % 10}\nsso_role_name = R\n`,
    ).join('\n'),
  );
  const token = {
    startUrl: 'https://ok.awsapps.com/start',
    region: 'eu-west-1',
    accessToken: 'SECRET',
    expiresAt: cacheStamp(NOW + 3_600_000),
  };
  await h.writeToken('ok', token);
  await h.writeToken('refreshable', {
    ...token,
    refreshToken: 'r',
    clientId: 'c',
    clientSecret: 's',
    registrationExpiresAt: cacheStamp(NOW + 86_400_000),
  });
  await writeFile(h.tokenPath('empty'), '');
  await writeFile(h.tokenPath('half'), JSON.stringify(token).slice(0, 30));
  await writeFile(h.tokenPath('bom'), `\ufeff${JSON.stringify(token)}`);
  await mkdir(h.tokenPath('folder'));
  // A named pipe no one writes to: opening it to read would wait forever, on either thread.
  execFileSync('mkfifo', [h.tokenPath('fifo')]);
  await h.writeToken('big', { ...token, padding: 'x'.repeat(100_000) }); // past the worker's 64 KB
  await writeFile(h.tokenPath('huge'), `{"padding":"${'y'.repeat(1_200_000)}"}`);
  await symlink(join(h.ssoCacheDir, 'nowhere.json'), h.tokenPath('dangling'));
  await h.writeToken('unicode', { ...token, startUrl: 'https://ünïcødé.awsapps.com/start' });
  await writeFile(join(h.ssoCacheDir, 'botocore-client-id-eu-west-1.json'), '{"clientId":"x"}');
  await writeFile(join(h.ssoCacheDir, 'notes.txt'), 'not a token');
  return h;
}

describe('token folder reader', () => {
  it('gives readAwsInputs the same tokens and problems as reading on the main thread', async () => {
    const h = await oddHome();
    reader = createTokenFolderReader();
    const env = { HOME: h.home };
    const direct = await readAwsInputs(env, h.home, NOW);
    const viaWorker = await readAwsInputs(env, h.home, NOW, { tokenReader: reader });
    expect(viaWorker.tokens).toEqual(direct.tokens);
    expect([...direct.tokens.keys()].sort()).toEqual([...SESSIONS].sort());
    // The cases really are different from each other.
    const summary = Object.fromEntries(
      [...direct.tokens].map(([name, t]) => [
        name,
        t.token ? 'token' : t.missing ? 'missing' : (t.problem?.message ?? ''),
      ]),
    );
    expect(summary).toMatchObject({
      ok: 'token',
      refreshable: 'token',
      big: 'token',
      unicode: 'token',
      absent: 'missing',
      empty: expect.stringMatching(/empty/),
      half: expect.stringMatching(/not valid JSON/),
      bom: expect.stringMatching(/byte-order mark/),
      folder: expect.stringMatching(/not a regular file/),
      fifo: expect.stringMatching(/not a regular file/),
      huge: expect.stringMatching(/too large/),
    });
    expect(direct.tokens.get('refreshable')?.token?.refreshable).toBe(true);
  });

  it('hands back whole texts, and leaves odd files to the careful read', async () => {
    const h = await oddHome();
    reader = createTokenFolderReader();
    const read = await reader.read(h.ssoCacheDir);
    expect(read.names?.has('notes.txt')).toBe(true);
    expect(JSON.parse(read.text(h.tokenPath('unicode').split('/').pop() as string) ?? 'null').startUrl).toBe(
      'https://ünïcødé.awsapps.com/start',
    );
    for (const odd of ['empty', 'folder', 'fifo', 'big', 'huge', 'dangling'])
      expect(read.text(h.tokenPath(odd).split('/').pop() as string)).toBeUndefined();
    expect(read.text('notes.txt')).toBeUndefined(); // not a .json file: never a token
    expect(read.text('no-such-file.json')).toBeUndefined();
  });

  it('answers reads of several folders at once, each with its own files', async () => {
    const a = await oddHome();
    const other = await makeAwsHome();
    try {
      await other.writeToken('solo', { accessToken: 'SECRET', expiresAt: cacheStamp(NOW) });
      reader = createTokenFolderReader();
      const [first, second, missing] = await Promise.all([
        reader.read(a.ssoCacheDir),
        reader.read(other.ssoCacheDir),
        reader.read(join(other.home, 'nope')),
      ]);
      expect(first.names?.size).toBe(SESSIONS.length + 1); // every token file, the dangling link and two others, but not "absent"
      expect([...(second.names ?? [])]).toEqual([other.tokenPath('solo').split('/').pop()]);
      expect(missing.names).toBeNull();
    } finally {
      await other.cleanup();
    }
  });

  it('starts a new worker after close, and readAwsInputs reads on the main thread if the worker is gone', async () => {
    const h = await oddHome();
    reader = createTokenFolderReader();
    const before = await reader.read(h.ssoCacheDir);
    await reader.close();
    const after = await reader.read(h.ssoCacheDir);
    expect([...(after.names ?? [])].sort()).toEqual([...(before.names ?? [])].sort());
    // A read made while the previous worker is still stopping is answered by the new one.
    const closing = reader.close();
    const during = reader.read(h.ssoCacheDir);
    await closing;
    expect((await during).names?.size).toBe(before.names?.size);
    const broken: TokenFolderReader = {
      read: () => Promise.reject(new Error('worker crashed')),
      close: async () => undefined,
      running: () => false,
    };
    const inputs = await readAwsInputs({ HOME: h.home }, h.home, NOW, { tokenReader: broken });
    expect(inputs.tokens.get('ok')?.token?.expiresAt.getTime()).toBe(Math.floor((NOW + 3_600_000) / 1000) * 1000);
  });

  it('stops its thread when idle, and starts one again for the next read', async () => {
    const h = await oddHome();
    reader = createTokenFolderReader({ lingerMs: 50 });
    expect(reader.running()).toBe(false);
    const first = reader.read(h.ssoCacheDir);
    expect(reader.running()).toBe(true);
    await first;
    expect(reader.running()).toBe(true); // kept a moment for the next change in a burst
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.running()).toBe(false);
    expect((await reader.read(h.ssoCacheDir)).text(h.tokenPath('ok').split('/').pop() as string)).toContain(
      '"accessToken"',
    );
  });
});
