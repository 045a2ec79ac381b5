// One reload at a time: a change noticed during a reload asks for exactly one more after it (that
// one sees every change so far), however many changes there were. Every caller's promise settles
// when the reloads that cover its request are done.

export interface ReloadQueue {
  /** Runs the reload, or asks the running one for one more; resolves when that is done. */
  request(): Promise<void>;
}

export function createReloadQueue(reloadOnce: () => Promise<void>): ReloadQueue {
  let running: Promise<void> | null = null;
  let again = false;
  return {
    request() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await reloadOnce();
          } while (again);
        } finally {
          running = null;
        }
      })();
      return running;
    },
  };
}
