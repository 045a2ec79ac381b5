// Which files a shell would run for `aws`, and a key of them for a memo (../fs/inputs-fingerprint.ts):
// apart from aws-cli-detect.ts so that a remembered `cloudid status` can tell whether the `aws`
// on PATH changed without loading the detection.
import path from 'node:path';
import type { Inputs } from '../fs/inputs-fingerprint';

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD';

/**
 * The files a shell would try for `aws`, in order. Empty and relative PATH entries are skipped:
 * they name the current directory, which means nothing for an app and would run untrusted files.
 */
export function awsCandidatePaths(
  searchPath: string | undefined,
  platform: NodeJS.Platform,
  pathExt?: string,
): string[] {
  if (!searchPath) return [];
  const windows = platform === 'win32';
  const paths = windows ? path.win32 : path.posix;
  const names = windows
    ? (pathExt ?? DEFAULT_PATHEXT)
        .split(';')
        .map((ext) => ext.trim())
        .filter((ext) => ext.startsWith('.'))
        .map((ext) => `aws${ext.toLowerCase()}`)
    : ['aws'];
  const candidates: string[] = [];
  for (const rawDir of searchPath.split(windows ? ';' : ':')) {
    // Windows allows quoted PATH entries ("C:\Program Files\Amazon\AWSCLIV2").
    const dir = windows ? rawDir.trim().replace(/^"(.*)"$/, '$1') : rawDir;
    if (dir === '' || !paths.isAbsolute(dir)) continue;
    for (const name of names) candidates.push(paths.join(dir, name));
  }
  return candidates;
}

/**
 * What the detection reads, for a key of its answer: PATH (and PATHEXT) and the identity of every
 * candidate, which follows a symlink to its target. A shim whose target changes without the shim
 * changing (pyenv switching Pythons) is not seen, as in aws-cli-version-cache.ts: a memo keyed by
 * this lives no longer than that cache's answers.
 */
export function awsCliInputs(searchPath: string | undefined, platform: NodeJS.Platform, pathExt?: string): Inputs {
  return {
    texts: [`PATH=${JSON.stringify(searchPath ?? null)}`, `PATHEXT=${JSON.stringify(pathExt ?? null)}`],
    files: awsCandidatePaths(searchPath, platform, pathExt),
    folders: [],
  };
}
