import * as fsp from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile, chmod, lstat, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_SUFFIX,
  ConcurrentEditError,
  NotUtf8TextError,
  readForEdit,
  removeStaleTempFiles,
  writeEdited,
  writeFileAtomic,
  writeJsonFileAtomic,
  type WriterFs,
} from '../../../../electron/core/fs/safe-file-writer';

let root: string;
let counter = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cloudid-writer-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function freshDir(): Promise<string> {
  const dir = join(root, `case-${counter++}`);
  await fsp.mkdir(dir);
  return dir;
}

const modes = fc.constantFrom(0o600, 0o640, 0o644, 0o400 | 0o200, 0o660, 0o700, 0o755);
const texts = fc.string({ unit: 'grapheme', maxLength: 200 });

describe('readForEdit', () => {
  it('reports a missing file as new, with LF', async () => {
    const dir = await freshDir();
    const file = await readForEdit(join(dir, 'config'));
    expect(file).toMatchObject({ exists: false, text: '', mode: null, sha256: null, eol: '\n' });
  });

  it('detects CRLF from the first line break and keeps text verbatim', async () => {
    const dir = await freshDir();
    const path = join(dir, 'config');
    await writeFile(path, '\uFEFF[default]\r\nregion = us-east-1\n');
    const file = await readForEdit(path);
    expect(file.eol).toBe('\r\n');
    expect(file.text).toBe('\uFEFF[default]\r\nregion = us-east-1\n');
  });

  it('refuses bytes that are not UTF-8 instead of corrupting them on write', async () => {
    const dir = await freshDir();
    const path = join(dir, 'binary');
    await writeFile(path, Buffer.from([0x5b, 0xff, 0xfe, 0x5d]));
    await expect(readForEdit(path)).rejects.toBeInstanceOf(NotUtf8TextError);
  });
});

describe('writeEdited', () => {
  it('keeps the mode of the original across arbitrary edits (property)', async () => {
    await fc.assert(
      fc.asyncProperty(modes, texts, texts, async (mode, before, after) => {
        const dir = await freshDir();
        const path = join(dir, 'config');
        await writeFile(path, before);
        await chmod(path, mode);
        const original = await readForEdit(path);
        const result = await writeEdited(original, after);
        expect(result.changed).toBe(after !== before);
        expect(await readFile(path, 'utf8')).toBe(after);
        expect((await stat(path)).mode & 0o7777).toBe(mode);
        expect((await readdir(dir)).filter((n) => n.includes('cloudid-tmp'))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('detects any concurrent change of the bytes, even with the mtime restored (property)', async () => {
    await fc.assert(
      fc.asyncProperty(texts, texts, texts, async (before, theirs, ours) => {
        fc.pre(theirs !== before && ours !== before);
        const dir = await freshDir();
        const path = join(dir, 'config');
        await writeFile(path, before);
        const original = await readForEdit(path);
        const { mtime, atime } = await stat(path);
        await writeFile(path, theirs);
        await fsp.utimes(path, atime, mtime);
        await expect(writeEdited(original, ours)).rejects.toBeInstanceOf(ConcurrentEditError);
        expect(await readFile(path, 'utf8')).toBe(theirs);
        expect((await readdir(dir)).filter((n) => n.includes('cloudid'))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses the second of two edits made in parallel from the same read', async () => {
    const dir = await freshDir();
    const path = join(dir, 'config');
    await writeFile(path, 'base\n');
    const original = await readForEdit(path);
    const texts = ['first\n', 'second\n'];
    const outcomes = await Promise.allSettled(texts.map((text) => writeEdited(original, text)));
    // Which one writes first is up to the file system's answers; exactly one may write.
    const written = outcomes.findIndex((o) => o.status === 'fulfilled');
    const refused = outcomes.findIndex((o) => o.status === 'rejected');
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[refused] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrentEditError);
    expect(await readFile(path, 'utf8')).toBe(texts[written]);
  });

  it('detects a file created by someone else after reading it as missing', async () => {
    const dir = await freshDir();
    const path = join(dir, 'config');
    const original = await readForEdit(path);
    await writeFile(path, '[default]\n');
    await expect(writeEdited(original, '[profile x]\n')).rejects.toBeInstanceOf(ConcurrentEditError);
    expect(await readFile(path, 'utf8')).toBe('[default]\n');
  });

  it('leaves the old file intact when the process dies between write and rename (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8')),
        texts,
        async (before, after) => {
          fc.pre(after !== before);
          const dir = await freshDir();
          const path = join(dir, 'config');
          await writeFile(path, before);
          const originalBytes = await readFile(path);
          // A crash: the rename never happens and the writer gets no chance to clean up.
          const crashing: WriterFs = {
            ...fsp,
            rename: () => Promise.reject(Object.assign(new Error('simulated crash'), { code: 'EIO' })),
            unlink: (p) => (String(p).includes('cloudid-tmp') ? Promise.reject(new Error('dead')) : fsp.unlink(p)),
          };
          const original = await readForEdit(path);
          await expect(writeEdited(original, after, {}, crashing)).rejects.toThrow('simulated crash');
          expect(await readFile(path)).toEqual(originalBytes);
          const removed = await removeStaleTempFiles(path);
          expect(removed.length).toBe(2); // the file's temp and the backup's temp
          expect((await readdir(dir)).sort()).toEqual(['config', `config${BACKUP_SUFFIX}`]);
          expect(await readFile(path)).toEqual(originalBytes);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('removes its own temp file when the rename fails normally', async () => {
    const dir = await freshDir();
    const path = join(dir, 'config');
    await writeFile(path, 'a\n');
    const failing: WriterFs = { ...fsp, rename: () => Promise.reject(new Error('EXDEV')) };
    await expect(writeEdited(await readForEdit(path), 'b\n', { backup: false }, failing)).rejects.toThrow('EXDEV');
    expect(await readdir(dir)).toEqual(['config']);
    expect(await readFile(path, 'utf8')).toBe('a\n');
  });

  it('backs the original up once and keeps the first backup', async () => {
    const dir = await freshDir();
    const path = join(dir, 'config');
    await writeFile(path, 'v1\n');
    await chmod(path, 0o640);
    const first = await writeEdited(await readForEdit(path), 'v2\n');
    expect(first.backupPath).toBe(join(dir, `config${BACKUP_SUFFIX}`));
    const second = await writeEdited(await readForEdit(path), 'v3\n');
    expect(second.backupPath).toBe(first.backupPath);
    expect(await readFile(join(dir, `config${BACKUP_SUFFIX}`), 'utf8')).toBe('v1\n');
    expect((await stat(join(dir, `config${BACKUP_SUFFIX}`))).mode & 0o777).toBe(0o640);
    expect(await readFile(path, 'utf8')).toBe('v3\n');
  });

  it('is a no-op when the text is unchanged (no write, no backup)', async () => {
    const dir = await freshDir();
    const path = join(dir, 'config');
    await writeFile(path, 'same\n');
    const before = await stat(path);
    const result = await writeEdited(await readForEdit(path), 'same\n');
    expect(result).toEqual({ backupPath: null, changed: false });
    expect((await stat(path)).ino).toBe(before.ino);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('creates a new file (and its directory) with the caller-given mode, else 0600 under .aws', async () => {
    const dir = await freshDir();
    const aws = join(dir, '.aws', 'config');
    await writeEdited(await readForEdit(aws), '[default]\n');
    expect((await stat(aws)).mode & 0o777).toBe(0o600);
    const rc = join(dir, 'shell', '.bashrc');
    await writeEdited(await readForEdit(rc), 'export X=1\n', { mode: 0o640 });
    expect((await stat(rc)).mode & 0o777).toBe(0o640);
  });

  it('edits the target of a symlink and keeps the link', async () => {
    const dir = await freshDir();
    const target = join(dir, 'dotfiles-config');
    const link = join(dir, 'config');
    await writeFile(target, 'old\n');
    await chmod(target, 0o600);
    await symlink('dotfiles-config', link);
    const result = await writeEdited(await readForEdit(link), 'new\n');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('dotfiles-config');
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect(result.backupPath).toBe(`${target}${BACKUP_SUFFIX}`);
  });

  it('creates the target of a dangling symlink', async () => {
    const dir = await freshDir();
    const link = join(dir, 'config');
    await symlink('elsewhere', link);
    await writeEdited(await readForEdit(link), 'x\n', { mode: 0o600 });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'elsewhere'), 'utf8')).toBe('x\n');
  });
});

describe('removeStaleTempFiles', () => {
  it('leaves temp files of other live processes alone', async () => {
    const dir = await freshDir();
    const path = join(dir, 'config');
    await writeFile(path, 'x');
    const live = join(dir, `.config.cloudid-tmp-${process.ppid}-abc`);
    const dead = join(dir, '.config.cloudid-tmp-999999999-abc');
    await writeFile(live, 'partial');
    await writeFile(dead, 'partial');
    expect(await removeStaleTempFiles(path)).toEqual([dead]);
    expect((await readdir(dir)).sort()).toEqual(['.config.cloudid-tmp-' + process.ppid + '-abc', 'config']);
  });
});

describe('writeFileAtomic', () => {
  it('writes bytes with the given mode, creating the directory', async () => {
    const dir = await freshDir();
    const path = join(dir, 'sso', 'cache', 'abc.json');
    await writeFileAtomic(path, '{"a":1}', { mode: 0o600 });
    expect(await readFile(path, 'utf8')).toBe('{"a":1}');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFileAtomic(path, new Uint8Array([0x7b, 0x7d]));
    expect(await readFile(path, 'utf8')).toBe('{}');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'sso', 'cache'))).toEqual(['abc.json']);
  });

  it('creates missing parent directories with the given mode and leaves existing ones alone', async () => {
    const dir = await freshDir();
    await chmod(dir, 0o755);
    const path = join(dir, 'app', 'state', 'ledger.json');
    await writeFileAtomic(path, '[]', { mode: 0o600, dirMode: 0o750 });
    expect((await stat(join(dir, 'app'))).mode & 0o777).toBe(0o750);
    expect((await stat(join(dir, 'app', 'state'))).mode & 0o777).toBe(0o750);
    expect((await stat(dir)).mode & 0o777).toBe(0o755);
    await writeFileAtomic(join(dir, 'app', 'other.json'), '[]');
    expect((await stat(join(dir, 'app'))).mode & 0o777).toBe(0o750);
  });

  it("keeps an existing file's mode when none is given, and sets a given one exactly", async () => {
    const dir = await freshDir();
    const path = join(dir, 'active_config');
    await writeFile(path, 'old');
    await chmod(path, 0o640);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o7777).toBe(0o640);
    await writeFileAtomic(path, 'newer', { mode: 0o600 });
    expect((await stat(path)).mode & 0o7777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('newer');
  });

  it('replaces the target of a symlink and keeps the link', async () => {
    const dir = await freshDir();
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomic(link, 'new', { mode: 0o600 });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('new');
  });

  it('leaves the old file and no temp file when writing the bytes fails (a full disk)', async () => {
    const dir = await freshDir();
    const path = join(dir, 'cache.json');
    await writeFile(path, 'old');
    const diskFull: WriterFs = {
      ...fsp,
      open: async (file, flags, mode) => {
        const handle = await fsp.open(file, flags, mode);
        if (!String(file).includes('cloudid-tmp')) return handle;
        return Object.assign(handle, {
          writeFile: () =>
            Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
        });
      },
    };
    await expect(writeFileAtomic(path, 'new', { mode: 0o600 }, diskFull)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual(['cache.json']);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('removes its temp file when the rename fails (a folder where the file should be)', async () => {
    const dir = await freshDir();
    const path = join(dir, 'cache.json');
    await fsp.mkdir(path);
    await writeFile(join(path, 'keep'), 'x');
    await expect(writeFileAtomic(path, 'new', { mode: 0o600 })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['cache.json']);
    expect(await readFile(join(path, 'keep'), 'utf8')).toBe('x');
  });

  it('reports a failure to create the directory and writes nothing', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, 'app'), 'a file, not a folder');
    // mkdir reports EEXIST (the path exists, as a file); either way nothing is written.
    await expect(writeFileAtomic(join(dir, 'app', 'ledger.json'), '[]')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readdir(dir)).toEqual(['app']);
    expect(await readFile(join(dir, 'app'), 'utf8')).toBe('a file, not a folder');
  });

  it('runs parallel writes of one file one after another: the last one wins, no temp file is left', async () => {
    const dir = await freshDir();
    const path = join(dir, 'ledger.json');
    const payloads = Array.from({ length: 25 }, (_, i) => `${i}:`.padEnd(50_000, String.fromCharCode(97 + (i % 26))));
    await Promise.all(payloads.map((p) => writeFileAtomic(path, p, { mode: 0o600 })));
    expect(await readFile(path, 'utf8')).toBe(payloads.at(-1));
    expect(await readdir(dir)).toEqual(['ledger.json']);
  });
});

describe('writeJsonFileAtomic', () => {
  it('writes pretty JSON with a final newline, or compact JSON without one', async () => {
    const dir = await freshDir();
    const value = { version: 1, keys: [{ keyId: 'k', project: null }] };
    await writeJsonFileAtomic(join(dir, 'pretty.json'), value, { format: 'pretty', mode: 0o600 });
    await writeJsonFileAtomic(join(dir, 'compact.json'), ['a', 'b'], { format: 'compact', mode: 0o600 });
    expect(await readFile(join(dir, 'pretty.json'), 'utf8')).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(await readFile(join(dir, 'compact.json'), 'utf8')).toBe('["a","b"]');
    expect((await stat(join(dir, 'pretty.json'))).mode & 0o777).toBe(0o600);
  });

  it('fits the settings file: a new folder 0700, the file 0600, pretty', async () => {
    const dir = await freshDir();
    const file = join(dir, 'Cloud Identity Tray', 'settings.json');
    await writeJsonFileAtomic(file, { leadTimeMinutes: 15 }, { format: 'pretty', mode: 0o600, dirMode: 0o700 });
    expect((await stat(join(dir, 'Cloud Identity Tray'))).mode & 0o777).toBe(0o700);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toBe('{\n  "leadTimeMinutes": 15\n}\n');
  });

  it('refuses a value with no JSON form and leaves the file as it was', async () => {
    const dir = await freshDir();
    const file = join(dir, 'cache.json');
    await writeFile(file, '[]');
    await expect(writeJsonFileAtomic(file, undefined, { format: 'compact' })).rejects.toThrow(TypeError);
    expect(await readFile(file, 'utf8')).toBe('[]');
    expect(await readdir(dir)).toEqual(['cache.json']);
  });
});
