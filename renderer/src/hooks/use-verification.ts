import { useCallback, useEffect, useState } from 'react';
import type { CloudIdApi, IdentityCheck } from '../shared-types';
import { errorMessage } from '../lib/errors';

export interface VerifyProgress {
  done: number;
  total: number;
}

export interface Verification {
  /** Answers received in this window; the snapshot records them too, whichever comes first wins. */
  checks: ReadonlyMap<string, IdentityCheck>;
  /** Profiles with a verification in flight. */
  pending: ReadonlySet<string>;
  /** Why a verification could not even be asked (bridge or core failure), per profile. */
  failures: ReadonlyMap<string, string>;
  allRunning: boolean;
  progress: VerifyProgress | null;
  allError: string | null;
  verify(profile: string): void;
  verifyAll(): void;
}

export function useVerification(api: CloudIdApi): Verification {
  const [checks, setChecks] = useState<ReadonlyMap<string, IdentityCheck>>(new Map());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [allRunning, setAllRunning] = useState(false);
  const [progress, setProgress] = useState<VerifyProgress | null>(null);
  const [allError, setAllError] = useState<string | null>(null);

  useEffect(() => api.on('verifyProgress', setProgress), [api]);

  const record = useCallback((results: IdentityCheck[]) => {
    setChecks((prev) => {
      const next = new Map(prev);
      for (const check of results) next.set(check.profile, check);
      return next;
    });
  }, []);

  const verify = useCallback(
    (profile: string) => {
      setPending((prev) => new Set(prev).add(profile));
      setFailures((prev) => without(prev, profile));
      api
        .verifyProfile({ profile })
        .then(
          (check) => record([check]),
          (error: unknown) => setFailures((prev) => new Map(prev).set(profile, errorMessage(error))),
        )
        .finally(() =>
          setPending((prev) => {
            const next = new Set(prev);
            next.delete(profile);
            return next;
          }),
        );
    },
    [api, record],
  );

  const verifyAll = useCallback(() => {
    setAllRunning(true);
    setAllError(null);
    setProgress(null);
    api
      .verifyAll()
      .then(record, (error: unknown) => setAllError(errorMessage(error)))
      .finally(() => setAllRunning(false));
  }, [api, record]);

  return { checks, pending, failures, allRunning, progress, allError, verify, verifyAll };
}

function without<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
