// `cloudid status --json` answered from its memo (status-memo.ts) before the rest of the command
// loads. Scripts and shell prompts run it over and over; when nothing changed, the whole run is
// Node's start, this file, a few dozen stats and one write. The bundles build it as one file
// (scripts/cli-bundle.mjs), which the entries load for exactly `status --json`: one module to
// load instead of the dozen chunks the command's own path goes through (docs/performance.md).
// When the memo does not answer, nothing has been printed and the command runs as usual.
import { homedir } from 'node:os';
import { appCacheDir } from '../core/app/app-paths';
import { standardOutputs } from './fd-output';
import { handOverMemoKey } from './memo-file';
import { printRememberedStatus, statusMemoKey } from './status-memo';

/** True when the remembered document was printed (process.exitCode is set). */
export function answerStatusFromMemo(): boolean {
  const env = process.env;
  const homeDir = env.HOME || homedir();
  const cacheDir = appCacheDir(env, homeDir, process.platform);
  const { stdout } = standardOutputs();
  const key = statusMemoKey(env, homeDir);
  const code = printRememberedStatus({ cacheDir, stdout }, key);
  if (code === null) {
    handOverMemoKey('status', key); // the command works the status out, and remembers it under this key
    return false;
  }
  process.exitCode = code;
  return true;
}
