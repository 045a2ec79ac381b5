// Quitting: registered right after 'ready', so a Quit from the loading menu (or any moment of
// start-up) still destroys the tray, removes the IPC handlers and stops the core. Each part of
// the app hands its clean-up to `onQuit` as it starts; the core's stop is awaited, within a
// limit, before the app really ends.
import { app } from 'electron';

/** How long quitting waits for the core to close its watchers. */
const STOP_TIMEOUT_MS = 3000;

export interface Lifetime {
  /** True from the first 'before-quit': a closing window then really closes. */
  readonly quitting: boolean;
  /** Runs once at quit, after everything added later (last started, first stopped). */
  onQuit(dispose: () => void): void;
  /** What stops the core; awaited before the app ends. */
  setStopCore(stop: () => Promise<void>): void;
}

export function manageQuit(): Lifetime {
  let quitting = false;
  let stopping = false;
  let stopped = false;
  const disposers: Array<() => void> = [];
  let stopCore: (() => Promise<void>) | null = null;

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    quitting = true;
    for (const dispose of disposers.splice(0).reverse()) {
      try {
        dispose();
      } catch (error) {
        console.error('clean-up at quit failed:', error);
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, STOP_TIMEOUT_MS);
    });
    void Promise.race([stopCore ? stopCore() : Promise.resolve(), timeout])
      .catch((error: unknown) => console.error('stopping the core failed:', error))
      .finally(() => {
        clearTimeout(timer);
        stopped = true;
        app.quit();
      });
  });

  return {
    get quitting() {
      return quitting;
    },
    onQuit(dispose) {
      if (stopping) dispose();
      else disposers.push(dispose);
    },
    setStopCore(stop) {
      stopCore = stop;
    },
  };
}
