// TEST ONLY. The current or next snapshot of a running core that satisfies `test`.
import type { Core } from '../../electron/core/app/core';
import type { Snapshot } from '../../electron/shared/model';

export function snapshotWhere(core: Core, test: (s: Snapshot) => boolean, timeoutMs = 4000): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    if (test(core.snapshot())) return resolve(core.snapshot());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching snapshot within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = core.onSnapshot((s) => {
      if (test(s)) {
        clearTimeout(timer);
        off();
        resolve(s);
      }
    });
  });
}
