import { useEffect, useState } from 'react';
import type { CloudIdApi } from '../shared-types';
import { errorMessage } from '../lib/errors';

/**
 * "Open AWS console": the core exchanges the profile's credentials for a sign-in URL and opens
 * it in the browser; the page never sees the URL, only whether it opened and why not.
 */
export function ConsoleSection({
  api,
  profile,
  unavailable,
}: {
  api: CloudIdApi;
  profile: string;
  unavailable: string | null;
}) {
  const [opening, setOpening] = useState(false);
  const [outcome, setOutcome] = useState<{ opened: boolean; message: string } | null>(null);
  // Another profile's outcome does not belong on this card.
  useEffect(() => setOutcome(null), [profile]);

  const open = async (): Promise<void> => {
    setOpening(true);
    setOutcome(null);
    try {
      setOutcome(await api.openConsole({ profile }));
    } catch (error) {
      setOutcome({ opened: false, message: errorMessage(error) });
    } finally {
      setOpening(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby="console-title" aria-busy={opening}>
      <div className="section-head">
        <h3 id="console-title">AWS console</h3>
        <button
          type="button"
          onClick={() => void open()}
          disabled={opening || unavailable !== null}
          title={unavailable ?? undefined}
        >
          {opening ? 'Opening…' : 'Open AWS console'}
        </button>
      </div>
      <div role="status">
        {unavailable !== null && <p className="muted">{unavailable}</p>}
        {outcome !== null && <p className={outcome.opened ? 'muted' : 'inline-error'}>{outcome.message}</p>}
      </div>
    </section>
  );
}
