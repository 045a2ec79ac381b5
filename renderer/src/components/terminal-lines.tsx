import type { CloudIdApi } from '../shared-types';
import { profileExportLine, profilePrefix } from '../../../electron/shared/shell-commands';
import { CopyLine } from './copy-line';

/** The lines to paste into a terminal to use this profile. */
export function TerminalLines({ api, profile }: { api: CloudIdApi; profile: string }) {
  return (
    <section className="detail-section" aria-labelledby="terminal-title">
      <h3 id="terminal-title">Use in a terminal</h3>
      <CopyLine api={api} label="One command" text={profilePrefix(profile)} />
      <CopyLine api={api} label="This shell" text={profileExportLine(profile)} />
    </section>
  );
}
