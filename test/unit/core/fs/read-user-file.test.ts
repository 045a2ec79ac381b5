import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUserFile, type UserFileRead } from '../../../../electron/core/fs/read-user-file';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cit-read-user-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function failure(read: UserFileRead): Extract<UserFileRead, { ok: false }> {
  if (read.ok) throw new Error(`expected a failure, read ${read.size} bytes`);
  return read;
}

describe('readUserFile', () => {
  it('reads a text file with its size and mtime', async () => {
    const path = join(dir, 'config');
    await writeFile(path, '[default]\nregion = us-east-1\n');
    const read = await readUserFile(path);
    expect(read).toMatchObject({ ok: true, path, text: '[default]\nregion = us-east-1\n', size: 29 });
    expect(read.ok && read.mtimeMs > 0).toBe(true);
  });

  it('strips a UTF-8 BOM and keeps non-ASCII text', async () => {
    const path = join(dir, 'bom');
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[profile café]\n')]));
    const read = await readUserFile(path);
    expect(read.ok && read.text).toBe('[profile café]\n');
    expect(read.ok && read.size).toBe(19);
  });

  it('reads through a symbolic link to a real file', async () => {
    const target = join(dir, 'real');
    const link = join(dir, 'link-to-real');
    await writeFile(target, 'x = 1\n');
    await symlink(target, link);
    expect(await readUserFile(link)).toMatchObject({ ok: true, text: 'x = 1\n' });
  });

  it('reports a missing file as a warning, with missing: true', async () => {
    const path = join(dir, 'nope');
    expect(await readUserFile(path)).toEqual({
      ok: false,
      path,
      missing: true,
      problem: { severity: 'warning', message: `${path} does not exist`, file: path },
    });
  });

  it('reports a path under a file as missing', async () => {
    const file = join(dir, 'plain');
    await writeFile(file, '');
    const read = failure(await readUserFile(join(file, 'config')));
    expect(read.missing).toBe(true);
    expect(read.problem.severity).toBe('warning');
  });

  it('names the missing target of a dangling symbolic link', async () => {
    const link = join(dir, 'dangling');
    await symlink('gone/config', link);
    const read = failure(await readUserFile(link));
    expect(read.missing).toBe(false);
    expect(read.problem).toEqual({
      severity: 'error',
      message: `${link} is a symbolic link to ${resolve(dir, 'gone/config')}, which does not exist`,
      file: link,
    });
  });

  it('reports a symbolic link loop', async () => {
    const a = join(dir, 'loop-a');
    const b = join(dir, 'loop-b');
    await symlink(b, a);
    await symlink(a, b);
    expect(failure(await readUserFile(a)).problem.message).toContain('loops back on itself');
  });

  it('reports a folder', async () => {
    const folder = join(dir, 'a-folder');
    await mkdir(folder);
    expect(failure(await readUserFile(folder)).problem).toEqual({
      severity: 'error',
      message: `${folder} is a folder, not a file`,
      file: folder,
    });
  });

  it('refuses a 50 MB file without reading it, stating size and limit', async () => {
    const path = join(dir, 'huge');
    const handle = await open(path, 'w');
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    const read = failure(await readUserFile(path));
    expect(read.missing).toBe(false);
    expect(read.problem.severity).toBe('error');
    expect(read.problem.message).toBe(`${path} is 50 MB, larger than the 16 MB limit for this file: it was not read`);
  });

  it('honours a smaller maxBytes', async () => {
    const path = join(dir, 'medium');
    await writeFile(path, 'x'.repeat(2 * 1024 * 1024));
    expect(failure(await readUserFile(path, { maxBytes: 1024 * 1024 })).problem.message).toContain(
      'is 2.0 MB, larger than the 1.0 MB limit',
    );
    expect((await readUserFile(path, { maxBytes: 2 * 1024 * 1024 })).ok).toBe(true);
  });

  it('refuses binary garbage (NUL bytes)', async () => {
    const path = join(dir, 'binary');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    await writeFile(path, bytes);
    expect(failure(await readUserFile(path)).problem).toEqual({
      severity: 'error',
      message: `${path} looks like a binary file, not text`,
      file: path,
    });
  });

  it('refuses bytes that are not UTF-8 even without NULs (a .p12 or Latin-1 file)', async () => {
    const path = join(dir, 'latin1');
    await writeFile(path, Buffer.from([0x5b, 0x64, 0xe9, 0x66, 0x5d, 0x0a, 0xff, 0xfe]));
    expect(failure(await readUserFile(path)).problem.message).toContain('looks like a binary file, not text');
  });

  it('reports a file it may not read (permission denied)', async () => {
    const path = join(dir, 'secret-config');
    await writeFile(path, '[default]\n');
    await chmod(path, 0o000);
    const isRoot = process.getuid?.() === 0;
    let read: UserFileRead;
    if (!isRoot) {
      read = await readUserFile(path);
    } else {
      // Root reads any file, so chmod 000 alone proves nothing here: read it from a child
      // process running as `nobody`, the same code through tsx, and take its JSON answer.
      await chmod(dir, 0o755);
      const script = join(dir, 'read-as-nobody.mts');
      const moduleUrl = new URL('../../../../electron/core/fs/read-user-file.ts', import.meta.url).href;
      await writeFile(
        script,
        `import { readUserFile } from ${JSON.stringify(moduleUrl)};\nprocess.stdout.write(JSON.stringify(await readUserFile(${JSON.stringify(path)})));\n`,
      );
      await chmod(script, 0o644);
      const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
        uid: 65534,
        gid: 65534,
        cwd: process.cwd(),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: dir },
        timeout: 20_000,
      });
      expect(child.stderr).toBe('');
      read = JSON.parse(child.stdout) as UserFileRead;
    }
    expect(read).toEqual({
      ok: false,
      path,
      missing: false,
      problem: { severity: 'error', message: `${path} cannot be read: permission denied`, file: path },
    });
  });
});
