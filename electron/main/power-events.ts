// Timers do not run during sleep: on wake (or unlock) the statuses are recomputed by the clock,
// and the tray re-renders in case nothing changed status but a label it shows did.
import { powerMonitor } from 'electron';

/** Calls `onWake` after resume and unlock; returns a function that stops listening. */
export function onWake(onWake: () => void): () => void {
  const listener = (): void => onWake();
  powerMonitor.on('resume', listener);
  powerMonitor.on('unlock-screen', listener);
  return () => {
    powerMonitor.off('resume', listener);
    powerMonitor.off('unlock-screen', listener);
  };
}
