// The imports started from this view, each kept with its own drop: a second key dropped while
// the first is importing gets an entry of its own, and each answer lands on the entry of the
// file it belongs to, whatever order the answers come back in.
import { useCallback, useRef, useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';
import { fileNameOf } from '../lib/gcp-labels';
import type { GcpImportOutcome } from '../lib/gcp-types';

export type ImportEntryState =
  { kind: 'importing' } | { kind: 'done'; outcome: GcpImportOutcome } | { kind: 'failed'; message: string };

export interface ImportEntry {
  id: number;
  /** The file's name, or null when nothing could be taken from the drop. */
  file: string | null;
  state: ImportEntryState;
}

export interface ImportRequest {
  activate: boolean;
  ownConfiguration: boolean;
}

/** How many recent imports the view shows (newest first). */
const SHOWN = 4;

export function useKeyImports(api: CloudIdApi): {
  imports: ImportEntry[];
  importPath(path: string, request: ImportRequest): void;
  fail(file: string | null, message: string): void;
} {
  const [imports, setImports] = useState<ImportEntry[]>([]);
  const nextId = useRef(1);

  const add = useCallback((file: string | null, state: ImportEntryState): number => {
    const id = nextId.current++;
    setImports((list) => [{ id, file, state }, ...list].slice(0, SHOWN));
    return id;
  }, []);
  const settle = useCallback((id: number, state: ImportEntryState): void => {
    setImports((list) => list.map((entry) => (entry.id === id ? { ...entry, state } : entry)));
  }, []);

  const importPath = useCallback(
    (path: string, request: ImportRequest): void => {
      const id = add(fileNameOf(path), { kind: 'importing' });
      api
        .gcpImportKey({
          path,
          activate: request.activate,
          ownConfiguration: request.ownConfiguration,
        })
        .then(
          (outcome) => settle(id, { kind: 'done', outcome }),
          (error: unknown) => settle(id, { kind: 'failed', message: errorMessage(error) }),
        );
    },
    [api, add, settle],
  );

  const fail = useCallback(
    (file: string | null, message: string): void => {
      add(file, { kind: 'failed', message });
    },
    [add],
  );

  return { imports, importPath, fail };
}
