// Opening a user-named path never waits on a FIFO and refuses anything but a regular file.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotRegularFileError, readRegularFile } from '../../../../electron/core/fs/regular-file';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cloudid-regular-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRegularFile', () => {
  it('reads a regular file', async () => {
    await writeFile(join(dir, 'a'), 'text');
    expect((await readRegularFile(join(dir, 'a'))).toString()).toBe('text');
  });

  it('refuses a FIFO at once, with no writer on the other end', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const error = await readRegularFile(join(dir, 'pipe')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotRegularFileError);
    expect((error as NotRegularFileError).kind).toBe('a named pipe (FIFO)');
  }, 5_000);

  it('refuses a folder and a device', async () => {
    await mkdir(join(dir, 'folder'));
    await expect(readRegularFile(join(dir, 'folder'))).rejects.toThrow(/is a folder, not a regular file/);
    await expect(readRegularFile('/dev/zero')).rejects.toThrow(/is a device, not a regular file/);
  });

  it('passes on ENOENT as it is', async () => {
    await expect(readRegularFile(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
