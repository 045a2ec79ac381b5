import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CloudIdApi } from './shared-types';
import { AppHeader, viewPanelId, type AppView } from './components/app-header';
import { Notices } from './components/notices';
import { SettingsDialog } from './components/settings-dialog';
import { useNow } from './hooks/use-now';
import { useSnapshot } from './hooks/use-snapshot';
import { useVerification } from './hooks/use-verification';
import { AwsView, type AwsViewHandle } from './views/aws-view';
import { GcpView } from './views/gcp-view';
import { ClustersView } from './views/clusters-view';
import { clustersAttention } from './lib/clusters-attention';

/** The window's shell: the header and its tabs, the notices, the three views and the settings. */
export function App({ api }: { api: CloudIdApi }) {
  const { snapshot, loadError } = useSnapshot(api);
  const verification = useVerification(api);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [view, setView] = useState<AppView>('aws');
  const awsRef = useRef<AwsViewHandle>(null);

  // The Google Cloud view's token expiry labels (the AWS and Clusters views keep their own clocks).
  const gcpExpiries = useMemo(() => snapshot?.gcp?.accounts.map((a) => a.tokenExpiresAt) ?? [], [snapshot]);
  const gcpNow = useNow(gcpExpiries, false);

  /** Show one profile even if the current filters hide it. */
  const revealProfile = useCallback((name: string): void => {
    setView('aws');
    awsRef.current?.reveal(name);
  }, []);

  useEffect(() => api.on('focusProfile', ({ profile }) => revealProfile(profile)), [api, revealProfile]);
  useEffect(() => api.on('focusGcp', () => setView('gcp')), [api]);

  // Opened once, the Google Cloud view stays mounted (hidden), so the last import's result and
  // the options chosen survive a tab switch.
  const [gcpOpened, setGcpOpened] = useState(false);
  useEffect(() => {
    if (view === 'gcp') setGcpOpened(true);
  }, [view]);
  // A file dragged over any other view is on its way to the Google Cloud view, which takes drops;
  // elsewhere a drop does nothing (the browser would otherwise open the file in the window).
  useEffect(() => {
    const carriesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onDragEnter = (event: DragEvent): void => {
      if (carriesFiles(event)) setView('gcp');
    };
    const refuse = (event: DragEvent): void => {
      if (carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);
  useEffect(() => api.on('showClusters', () => setView('clusters')), [api]);
  const kubeTargets = useMemo(
    () => ({ onShowProfile: revealProfile, onShowGcp: () => setView('gcp') }),
    [revealProfile],
  );

  return (
    <div className="app">
      <AppHeader
        aws={snapshot?.aws ?? null}
        verifyingAll={verification.allRunning}
        progress={verification.progress}
        verifyAllError={verification.allError}
        onVerifyAll={verification.verifyAll}
        onSettings={() => setSettingsOpen(true)}
        onShowActive={() => snapshot !== null && revealProfile(snapshot.aws.activeProfile)}
        view={view}
        onView={setView}
        attention={{ clusters: clustersAttention(snapshot) }}
      />
      {snapshot !== null && view === 'aws' && <Notices aws={snapshot.aws} />}
      {loadError !== null && (
        <div className="banner banner-error" role="alert">
          Could not load your identities: {loadError}
        </div>
      )}
      {(gcpOpened || view === 'gcp') && (
        <main
          id={viewPanelId('gcp')}
          className="app-view"
          role="tabpanel"
          aria-labelledby="tab-gcp"
          hidden={view !== 'gcp'}
        >
          <GcpView api={api} snapshot={snapshot} now={gcpNow} />
        </main>
      )}
      {view === 'clusters' && (
        <main id={viewPanelId('clusters')} className="app-view" role="tabpanel" aria-labelledby="tab-clusters">
          <ClustersView
            api={api}
            snapshot={snapshot}
            verifying={verification.allRunning}
            verifyError={verification.allError}
            onVerify={verification.verifyAll}
            kubeTargets={kubeTargets}
          />
        </main>
      )}
      {/* Hidden, not unmounted, so the search, the filters and the selection survive a tab switch. */}
      <main
        className="app-main"
        id={viewPanelId('aws')}
        role="tabpanel"
        aria-labelledby="tab-aws"
        hidden={view !== 'aws'}
      >
        <AwsView
          ref={awsRef}
          api={api}
          snapshot={snapshot}
          loadFailed={loadError !== null}
          verification={verification}
        />
      </main>
      <SettingsDialog api={api} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
