// Watches a set of files and folders that may not exist yet, may be replaced by rename (how the
// AWS CLI and gcloud write), or may be deleted and created again. chokidar catches both in-place
// and atomic writes (docs/architecture.md, "Watching files": Node's recursive fs.watch loses a
// file after a rename).
//
// Each target is watched through a root one level above its nearest existing ancestor, so the
// target's own creation or deletion is an event of its parent. When a folder on the way to a
// target appears or disappears, the roots are planned again.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { FSWatcher } from 'chokidar';

export interface WatchTarget {
  path: string;
  /** A folder whose whole content matters (token caches), or a single file. */
  kind: 'file' | 'dir';
}

export interface PathWatcher {
  /** Resolves once the first scan is done, so a test may write right after. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface PathWatcherOptions {
  targets: WatchTarget[];
  /** Called after events settle for `debounceMs`, with the paths that changed. */
  onChange(changed: string[]): void;
  /** At least CHOKIDAR_CHANGE_THROTTLE_MS + 10: see below. */
  debounceMs?: number;
  /** Never watch from above this folder (the home folder) for targets inside it. */
  boundary?: string;
  onError?(error: Error): void;
}

const isWithin = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

function nearestExistingAncestor(path: string): string {
  let current = resolve(path);
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

/**
 * The folders to hand to chokidar: none inside another. A target inside `boundary` (the home
 * folder) is never watched from above it: the parent of a home folder (/home, /Users, /tmp) can
 * be busy with other people's files. Exported for tests.
 */
export function planWatchRoots(targets: WatchTarget[], boundary?: string): string[] {
  const roots = new Set<string>();
  for (const target of targets) {
    const existing = nearestExistingAncestor(target.path);
    const parent = dirname(existing);
    const bounded =
      boundary !== undefined &&
      isWithin(resolve(target.path), resolve(boundary)) &&
      !isWithin(parent, resolve(boundary));
    roots.add(bounded ? resolve(boundary) : parent);
  }
  const sorted = [...roots].sort((a, b) => a.length - b.length);
  return sorted.filter((root, i) => !sorted.slice(0, i).some((outer) => isWithin(root, outer)));
}

/** True for a path on the way to a target, the target itself, or inside a folder target. */
export function isRelevantPath(path: string, targets: WatchTarget[]): boolean {
  const p = resolve(path);
  return targets.some((t) => {
    const target = resolve(t.path);
    if (isWithin(target, p)) return true; // an ancestor of the target (or the target)
    return t.kind === 'dir' && isWithin(p, target);
  });
}

/**
 * chokidar drops a second `change` of the same file within 50 ms of the first (index.js,
 * `_throttle(EV.CHANGE, path, 50)`). Settling for longer than that after the last event we saw
 * means the read happens after any write whose event was dropped.
 */
const CHOKIDAR_CHANGE_THROTTLE_MS = 50;

export function watchPaths(options: PathWatcherOptions): PathWatcher {
  const debounceMs = Math.max(options.debounceMs ?? 0, CHOKIDAR_CHANGE_THROTTLE_MS + 10);
  let watcher: FSWatcher | null = null;
  let roots: string[] = [];
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const flush = (): void => {
    timer = null;
    const changed = [...pending];
    pending = new Set();
    if (changed.length > 0 && !closed) options.onChange(changed);
    // Once events settle, check the plan again: when a watched root itself is deleted, chokidar
    // may report only the files that were in it, never the folder, and a replan waiting for
    // `unlinkDir` would never come.
    if (changed.length > 0) replan();
  };

  const start = async (): Promise<void> => {
    // Loaded here, not at the top: a one-shot `cloudid status` never watches.
    const { watch } = await import('chokidar');
    if (closed) return;
    roots = planWatchRoots(options.targets, options.boundary);
    const instance = watch(roots, {
      ignoreInitial: true,
      ignored: (path: string) => !roots.some((r) => resolve(path) === r) && !isRelevantPath(path, options.targets),
    });
    watcher = instance;
    instance.on('all', (event, path) => {
      changed(resolve(path));
      if (event === 'addDir' || event === 'unlinkDir') replan();
    });
    instance.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
    await new Promise<void>((resolveReady) => instance.once('ready', () => resolveReady()));
  };

  const changed = (path: string): void => {
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  // One replan at a time: two at once could each start a watcher and lose track of one of them,
  // which would then watch (and keep the process alive) until exit.
  let replans: Promise<void> = Promise.resolve();
  const replan = (): void => {
    replans = replans.then(replanIfNeeded).catch((error: unknown) => {
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
    });
  };

  const replanIfNeeded = async (): Promise<void> => {
    const next = planWatchRoots(options.targets, options.boundary);
    if (closed || next.join('\0') === roots.join('\0')) return;
    const old = watcher;
    watcher = null;
    await old?.close();
    if (closed) return;
    await start();
    // A folder may have come or gone while the new watcher started (its first scan reports
    // nothing): plan once more, after the targets below are reported.
    queueMicrotask(replan);
    // Between the old watcher's end and the new one's first scan nothing was watched, and the
    // new one does not report what it finds already there: a target made in that gap (the file
    // written right after its folder) would go unseen. Report every target; the reader decides.
    for (const target of options.targets) changed(resolve(target.path));
  };

  const ready = start();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await replans;
      await watcher?.close();
    },
  };
}
