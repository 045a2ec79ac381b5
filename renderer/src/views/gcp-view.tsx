import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { CloudIdApi, Snapshot } from '../shared-types';
import { GcpAccounts } from '../components/gcp-accounts';
import { GcpConfigurations } from '../components/gcp-configurations';
import { GcpGcloudSummary } from '../components/gcp-gcloud-summary';
import { GcpKeyImport, type ImportOptions } from '../components/gcp-key-import';
import { GcpKeys } from '../components/gcp-keys';
import { GcpShellProfiles, type ShellProfileTarget } from '../components/gcp-shell-profiles';
import { GcpSignInAlerts } from '../components/gcp-sign-in-alerts';
import { useKeyImports } from '../hooks/use-key-imports';
import { errorMessage } from '../lib/errors';
import { singleDroppedFile } from '../lib/gcp-labels';
import { blockStateOf, type ShellProfileBlockState } from '../lib/gcp-shell-profile-text';
import './gcp-view.css';

const hasFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer.types).includes('Files');

/** The Google Cloud tab: gcloud's state at a glance, and service-account keys by drag and drop. */
export function GcpView({ api, snapshot, now }: { api: CloudIdApi; snapshot: Snapshot | null; now: number }) {
  const gcp = snapshot?.gcp ?? null;
  const keyImports = useKeyImports(api);
  const [options, setOptions] = useState<ImportOptions>({ activate: true, currentConfiguration: false });
  const [dragging, setDragging] = useState(false);
  const [shellTarget, setShellTarget] = useState<ShellProfileTarget | null>(null);
  const [probing, setProbing] = useState(false);
  const [probed, setProbed] = useState(false);
  const [probeError, setProbeError] = useState<string | null>(null);
  const [profileBlock, setProfileBlock] = useState<ShellProfileBlockState | null>(null);
  const [profilesRead, setProfilesRead] = useState(0);
  const dragDepth = useRef(0);
  const chooseRef = useRef<HTMLButtonElement>(null);

  const { importPath: startImport, fail: importFailed } = keyImports;
  const importPath = useCallback(
    (path: string): void =>
      startImport(path, {
        activate: options.activate,
        ownConfiguration: !(options.activate && options.currentConfiguration),
      }),
    [startImport, options],
  );

  // The app's own environment was fixed at launch: what the shell profiles set is read separately
  // (a removal preview writes nothing and says which profiles hold the block, and what it sets).
  useEffect(() => {
    let live = true;
    api.gcpShellProfilesPreview({ keyId: null }).then(
      (removal) => live && setProfileBlock(blockStateOf(removal)),
      () => live && setProfileBlock(null),
    );
    return () => {
      live = false;
    };
  }, [api, profilesRead]);

  const chooseFile = (): void => {
    api.gcpPickKeyFile().then(
      ({ path }) => path !== null && importPath(path),
      (error: unknown) => importFailed(null, errorMessage(error)),
    );
  };

  const probe = (): void => {
    setProbing(true);
    setProbeError(null);
    api.gcpProbeReauth().then(
      () => {
        setProbing(false);
        setProbed(true);
      },
      (error: unknown) => {
        setProbing(false);
        setProbeError(errorMessage(error));
      },
    );
  };

  const onDragEnter = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragOver = (event: DragEvent): void => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (): void => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const picked = singleDroppedFile(Array.from(event.dataTransfer.files));
    if ('message' in picked) {
      importFailed(null, picked.message);
      return;
    }
    let path: string;
    try {
      path = api.getPathForFile(picked.file);
    } catch (error) {
      importFailed(picked.file.name, errorMessage(error));
      return;
    }
    if (!path) {
      importFailed(
        picked.file.name,
        'This item has no file on disk (dragged from a browser or an archive?). Save it as a file first, then drop that.',
      );
      return;
    }
    importPath(path);
  };

  const activeAccount = gcp?.configurations.find((c) => c.active)?.account ?? null;

  const firstRun = gcp !== null && gcp.accounts.length === 0 && gcp.keys.length === 0;
  const gcloudColumn = gcp !== null && (
    <div className="gcp-column" key="gcloud">
      <GcpGcloudSummary gcp={gcp} probing={probing} probed={probed} onProbe={probe} />
      <GcpConfigurations api={api} configurations={gcp.configurations} />
      <GcpAccounts gcp={gcp} now={now} profileBlock={profileBlock} />
    </div>
  );
  const keysColumn = gcp !== null && (
    <div className="gcp-column" key="keys">
      <section className="gcp-card" aria-labelledby="gcp-keys-title">
        <h2 id="gcp-keys-title">Service-account keys</h2>
        <GcpKeyImport
          api={api}
          imports={keyImports.imports}
          options={options}
          onOptions={setOptions}
          onChooseFile={chooseFile}
          chooseRef={chooseRef}
        />
        <GcpKeys
          api={api}
          keys={gcp.keys}
          activeAccount={activeAccount}
          credentialsPath={gcp.googleApplicationCredentials?.path ?? null}
          onUseInShell={(key) => setShellTarget({ keyId: key.keyId, account: key.account })}
          onProfilesChanged={() => setProfilesRead((n) => n + 1)}
        />
        <p className="gcp-shell-remove">
          <button type="button" className="link-button" onClick={() => setShellTarget({ keyId: null, account: null })}>
            Remove GOOGLE_APPLICATION_CREDENTIALS from my shell profiles…
          </button>
        </p>
      </section>
      {shellTarget !== null && (
        <GcpShellProfiles
          key={shellTarget.keyId ?? 'remove'}
          api={api}
          target={shellTarget}
          onClose={() => setShellTarget(null)}
          onApplied={() => setProfilesRead((n) => n + 1)}
        />
      )}
    </div>
  );

  return (
    <div
      className="gcp-view"
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      aria-label="Google Cloud"
    >
      {dragging && (
        <div className="gcp-drop-overlay" aria-hidden="true">
          <p>Drop a service-account key JSON</p>
        </div>
      )}
      {snapshot === null ? (
        <p className="empty-note">Loading…</p>
      ) : gcp === null ? (
        <p className="empty-note">Reading gcloud’s state is turned off.</p>
      ) : (
        <>
          <GcpSignInAlerts api={api} gcp={gcp} onImportInstead={chooseFile} />
          {probeError !== null && (
            <p className="banner banner-error" role="alert">
              Could not check the sign-ins: {probeError}
            </p>
          )}
          {/* Nothing signed in and no key yet: the way in (a key to drop) comes first, for the eye and for Tab. */}
          <div className="gcp-columns">{firstRun ? [keysColumn, gcloudColumn] : [gcloudColumn, keysColumn]}</div>
        </>
      )}
    </div>
  );
}
