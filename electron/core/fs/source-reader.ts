// The shape of one source of the snapshot (AWS files, gcloud's folder, SkyPilot's state): the
// core reads every source again when one of their files changes, and watches what they name.
import type { WatchTarget } from './path-watcher';

export interface SourceReader<T> {
  /** Everything this source holds now; problems are values in it, never a rejection. */
  read(): Promise<T>;
  /** The files and folders whose change means this source changed (for fs/path-watcher). */
  watchTargets(): WatchTarget[];
}
