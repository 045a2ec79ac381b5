import { describe, expect, it } from 'vitest';
import { createReloadQueue } from '../../../../electron/core/app/reload-queue';

/** A reload the test finishes by hand. */
function manualReloads() {
  const pending: (() => void)[] = [];
  let started = 0;
  return {
    started: () => started,
    run: () => {
      started++;
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    finish: async () => {
      pending.shift()?.();
      // Let the queue's loop see the end of that reload.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
}

describe('createReloadQueue', () => {
  it('runs one reload at a time, and exactly one more for any number of requests during it', async () => {
    const reloads = manualReloads();
    const queue = createReloadQueue(reloads.run);
    const first = queue.request();
    const during = [queue.request(), queue.request(), queue.request()];
    expect(reloads.started()).toBe(1);
    await reloads.finish();
    expect(reloads.started()).toBe(2);
    await reloads.finish();
    await Promise.all([first, ...during]);
    expect(reloads.started()).toBe(2);
  });

  it('starts afresh after the last one, and lets the next run after a failure', async () => {
    let calls = 0;
    const queue = createReloadQueue(async () => {
      calls++;
      if (calls === 1) throw new Error('disk on fire');
    });
    await expect(queue.request()).rejects.toThrow('disk on fire');
    await queue.request();
    expect(calls).toBe(2);
  });
});
