// V8's compile cache for the `cloudid` bundle (https://nodejs.org/api/module.html#module-compile-cache):
// a one-shot command spends a good part of its run compiling its own JavaScript, and with the
// cache a later run reads the compiled code instead. Node keys each entry by the module's path
// and a checksum of its text, so a rebuilt bundle never runs stale code.
//
// The folder is the user's own cache folder (electron/core/app/app-paths.ts), created 0700, never
// Node's default under the shared temporary folder: whoever can write the cache decides what
// runs. Nothing here may stop the command: any failure just leaves the cache off.
import { mkdirSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { appCacheDir } from '../../electron/core/app/app-paths';

export function enableCliCompileCache(env = process.env) {
  try {
    if (typeof enableCompileCache !== 'function') return;
    const dir = join(appCacheDir(env, env.HOME || homedir(), process.platform), 'v8-compile-cache');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    enableCompileCache(dir);
  } catch {
    // A read-only or full disk: compile as usual.
  }
}
