import { useEffect, useState } from 'react';
import { msUntilLabelsChange } from '../lib/time-left';

/**
 * The current time, re-read exactly when one of these expiry labels would change (never on a
 * fixed polling tick), plus once a minute while "checked 5m ago"-style labels are shown.
 */
export function useNow(expiries: readonly (string | null)[], relativeLabelsShown: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const current = Date.now();
    const untilExpiryLabel = msUntilLabelsChange(expiries, current);
    const wait = Math.min(
      untilExpiryLabel ?? Number.POSITIVE_INFINITY,
      relativeLabelsShown ? 60_000 : Number.POSITIVE_INFINITY,
    );
    if (!Number.isFinite(wait)) return undefined;
    const timer = window.setTimeout(() => setNow(Date.now()), wait);
    return () => window.clearTimeout(timer);
  }, [expiries, relativeLabelsShown, now]);
  return now;
}
