import { describe, expect, it } from 'vitest';
import { readSettled } from '../../../../electron/core/app/settle-timer';

/** Reads that return the given values in turn, and the waits asked for between them. */
function script<T>(values: T[]) {
  const waits: number[] = [];
  let reads = 0;
  return {
    waits,
    reads: () => reads,
    read: () => Promise.resolve(values[Math.min(reads++, values.length - 1)] as T),
    wait: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

describe('readSettled', () => {
  it('takes a settled first read without waiting', async () => {
    const s = script(['whole']);
    expect(await readSettled({ read: s.read, unsettled: async () => false, wait: s.wait })).toBe('whole');
    expect(s.reads()).toBe(1);
    expect(s.waits).toEqual([]);
  });

  it('reads again after a short wait while a read looks caught mid-write', async () => {
    const s = script(['half', 'half', 'whole']);
    const read = await readSettled({ read: s.read, unsettled: async (r) => r === 'half', wait: s.wait, retryMs: 150 });
    expect(read).toBe('whole');
    expect(s.waits).toEqual([150, 150]);
  });

  it('takes the last read as it is once the retries are spent: a file may really be broken', async () => {
    const s = script(['broken']);
    const asked: string[] = [];
    const read = await readSettled({
      read: s.read,
      unsettled: async (r) => {
        asked.push(r);
        return true;
      },
      wait: s.wait,
      maxRetries: 3,
    });
    expect(read).toBe('broken');
    expect(s.reads()).toBe(4);
    expect(s.waits).toHaveLength(3);
    // The last read is not even judged: nothing would be done with the answer.
    expect(asked).toHaveLength(3);
  });

  it('waits for real by default', async () => {
    const s = script(['half', 'whole']);
    const started = Date.now();
    expect(await readSettled({ read: s.read, unsettled: async (r) => r === 'half', retryMs: 30 })).toBe('whole');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
