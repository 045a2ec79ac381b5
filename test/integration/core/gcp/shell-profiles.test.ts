// Shell-profile edits through the safe writer, in a temporary home.
import * as nodeFs from 'node:fs/promises';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShellProfilePreviews } from '../../../../electron/core/app/gcp-shell-profile-previews';
import { ConcurrentEditError, type WriterFs } from '../../../../electron/core/fs/safe-file-writer';
import { applyShellProfileEdits, previewShellProfileEdits } from '../../../../electron/core/gcp/shell-profiles';
import { tempDir } from '../../../support/gcloud-fixtures';

const BASHRC = '# ~/.bashrc\r\nexport PATH="$HOME/bin:$PATH"\r\n\r\nalias k=kubectl\r\n';
const FISH = 'set -gx EDITOR vim\n';

async function home() {
  const dir = await tempDir('cloudid-home-');
  await writeFile(join(dir, '.bashrc'), BASHRC, { mode: 0o640 });
  await mkdir(join(dir, '.config', 'fish'), { recursive: true });
  await writeFile(join(dir, '.config', 'fish', 'config.fish'), FISH);
  return dir;
}

describe('shell profiles', () => {
  it('previews without writing, only for the shells the user has', async () => {
    const dir = await home();
    const edits = await previewShellProfileEdits({ SHELL: '/bin/bash' }, dir, '/keys/k.json');
    expect(edits.map((e) => [e.shell, e.changed])).toEqual([
      ['bash', true],
      ['fish', true],
    ]);
    expect(await readFile(join(dir, '.bashrc'), 'utf8')).toBe(BASHRC);
    await expect(stat(join(dir, '.zshrc'))).rejects.toThrow(/ENOENT/);
  });

  it("creates the login shell's profile when it is missing", async () => {
    const dir = await home();
    const edits = await previewShellProfileEdits({ SHELL: '/usr/bin/zsh' }, dir, '/keys/k.json');
    expect(edits.map((e) => e.shell)).toEqual(['bash', 'zsh', 'fish']);
    await applyShellProfileEdits(edits);
    expect(await readFile(join(dir, '.zshrc'), 'utf8')).toContain(
      "export GOOGLE_APPLICATION_CREDENTIALS='/keys/k.json'",
    );
  });

  it('writes the block, byte-identical outside it, keeps the mode, is idempotent and removable', async () => {
    const dir = await home();
    const writes = await applyShellProfileEdits(await previewShellProfileEdits({}, dir, '/keys/k.json'));
    expect(writes.every((w) => w.changed)).toBe(true);
    const bashrc = await readFile(join(dir, '.bashrc'), 'utf8');
    expect(bashrc.startsWith(BASHRC)).toBe(true);
    expect(bashrc).toContain("export GOOGLE_APPLICATION_CREDENTIALS='/keys/k.json'\r\n");
    expect((await stat(join(dir, '.bashrc'))).mode & 0o777).toBe(0o640);
    expect(await readFile(join(dir, '.config', 'fish', 'config.fish'), 'utf8')).toContain(
      "set -gx GOOGLE_APPLICATION_CREDENTIALS '/keys/k.json'",
    );

    const again = await previewShellProfileEdits({}, dir, '/keys/k.json');
    expect(again.map((e) => e.changed)).toEqual([false, false]);
    expect(again[0]?.currentKeyPath).toBe('/keys/k.json');

    await applyShellProfileEdits(await previewShellProfileEdits({}, dir, null));
    expect(await readFile(join(dir, '.bashrc'), 'utf8')).toBe(BASHRC);
    expect(await readFile(join(dir, '.config', 'fish', 'config.fish'), 'utf8')).toBe(FISH);
  });

  it('refuses when a profile changed after the preview, and writes none of them', async () => {
    const dir = await home();
    const edits = await previewShellProfileEdits({}, dir, '/keys/k.json');
    await writeFile(join(dir, '.config', 'fish', 'config.fish'), `${FISH}set -gx NEW 1\n`);
    await expect(applyShellProfileEdits(edits)).rejects.toBeInstanceOf(ConcurrentEditError);
    expect(await readFile(join(dir, '.bashrc'), 'utf8')).toBe(BASHRC);
  });

  it('on a full disk names the profile it could not write and still writes the others', async () => {
    const dir = await home();
    const edits = await previewShellProfileEdits({}, dir, '/keys/k.json');
    // The disk fills up while .bashrc's new copy is written; fish's profile is another file.
    const full: WriterFs = {
      ...nodeFs,
      open: async (path: Parameters<typeof nodeFs.open>[0], ...rest: unknown[]) => {
        if (String(path).includes('.bashrc.cloudid-tmp-'))
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return (nodeFs.open as (...args: unknown[]) => ReturnType<typeof nodeFs.open>)(path, ...rest);
      },
    };
    const writes = await applyShellProfileEdits(edits, full);
    expect(writes.map((w) => [w.shell, w.changed, w.problem])).toEqual([
      ['bash', false, `${join(dir, '.bashrc')} was not written: the disk is full.`],
      ['fish', true, null],
    ]);
    expect(await readFile(join(dir, '.bashrc'), 'utf8')).toBe(BASHRC);
    expect((await readdir(dir)).filter((name) => name.includes('cloudid-tmp'))).toEqual([]);
    expect(await readFile(join(dir, '.config', 'fish', 'config.fish'), 'utf8')).toContain(
      'GOOGLE_APPLICATION_CREDENTIALS',
    );
  });

  it("the window's preview marks a profile it cannot edit as refused, and Apply writes the others", async () => {
    const dir = await home();
    await writeFile(join(dir, '.bashrc'), Buffer.from('# caf\xe9\n', 'latin1'));
    const previews = new ShellProfilePreviews();
    const preview = await previews.preview({}, dir, 'k', '/keys/k.json');
    expect(preview.edits.map((e) => [e.shell, e.action, e.problem])).toEqual([
      ['bash', 'refused', `${join(dir, '.bashrc')} was not edited: it is not UTF-8 text.`],
      ['fish', 'add', null],
    ]);
    const applied = await previews.apply(preview.previewId);
    expect(applied).toMatchObject({
      ok: true,
      written: [{ path: join(dir, '.config', 'fish', 'config.fish') }],
      notWritten: [{ path: join(dir, '.bashrc') }],
    });
  });

  it("asks zsh too: a ~/.zshrc that zsh cannot parse is left as it is, named with zsh's reason", async () => {
    const dir = await home();
    await writeFile(join(dir, '.zshrc'), 'if true; then\n  alias k=kubectl\n');
    const edits = await previewShellProfileEdits({ PATH: process.env.PATH }, dir, '/keys/k.json');
    const zsh = edits.find((e) => e.shell === 'zsh');
    expect(zsh).toMatchObject({
      changed: false,
      problem: expect.stringMatching(/\.zshrc was not edited: zsh cannot parse it as it is \(.+\); fix that first\./),
    });
    expect(edits.filter((e) => e.changed).map((e) => e.shell)).toEqual(['bash', 'fish']);
  });
});
