// TEST ONLY. A private copy of the built renderer for one Playwright worker. `out/renderer` is
// rewritten by every build, and a build running beside the tests (another terminal, another
// engineer on a shared machine) would otherwise swap the page's assets mid-test. The copy is
// taken only when the build is complete: index.html and every asset it names are present.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ATTEMPTS = 40;
const WAIT_MS = 250;

/** The files index.html loads (`./assets/...` or `/assets/...`). */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="\.?\/?([^":]+)"/g)].map((m) => m[1] ?? '').filter((p) => p !== '');
}

async function completeIndex(dir: string): Promise<string | null> {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const html = await readFile(index, 'utf8').catch(() => null);
  if (html === null || !html.includes('</html>')) return null;
  return assetsOf(html).every((asset) => existsSync(join(dir, asset))) ? html : null;
}

export async function copyBuiltRenderer(sourceDir: string): Promise<{ dir: string; remove(): Promise<void> }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const html = await completeIndex(sourceDir);
    if (html !== null) {
      const dir = await mkdtemp(join(tmpdir(), 'cloudid-renderer-'));
      await cp(sourceDir, dir, { recursive: true }).catch(() => undefined);
      // The build may have moved on during the copy: keep the copy only if it is whole.
      if ((await completeIndex(dir)) === html) return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
      await rm(dir, { recursive: true, force: true });
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
  throw new Error(`no complete built renderer in ${sourceDir}: run \`npm run build\` first`);
}
