import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file only its owner may read, so that a reader never sees a half-written file:
 * a temp file beside the target (same directory, same filesystem) created 0600, fsync, rename,
 * then fsync of the directory. The CLI itself truncates in place; readers of the SSO cache
 * (botocore, the JS SDK, the CLI) would otherwise race it.
 */
export async function writePrivateFileAtomic(target: string, content: string): Promise<void> {
  const dir = path.dirname(target);
  await ensurePrivateDir(dir);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // `mode` on open is masked by the umask and ignored if the file existed; make it exact.
    await fs.chmod(temp, 0o600);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDir(dir);
}

/** Creates the directory (and parents) with 0700 when missing; leaves an existing one alone. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  try {
    await fs.stat(dir);
  } catch {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename durable. Not every platform can open a directory (Windows): best effort.
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // ignore: durability of the rename is a bonus, the rename itself already happened
  } finally {
    await handle?.close();
  }
}
