import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { CloudIdApi } from './shared-types';
import { AppHeader, viewPanelId, type AppView } from './components/app-header';
import { ListToolbar } from './components/list-toolbar';
import { Notices } from './components/notices';
import { ProfileDetail } from './components/profile-detail';
import { ProfileList } from './components/profile-list';
import { SettingsDialog } from './components/settings-dialog';
import { SsoSessions } from './components/sso-sessions';
import { useNow } from './hooks/use-now';
import { useSnapshot } from './hooks/use-snapshot';
import { useVerification } from './hooks/use-verification';
import { latestCheck } from './lib/freshness';
import { EMPTY_QUERY, filterChoices, filterProfiles, type ProfileOrder, type ProfileQuery } from './lib/profile-query';
import { GcpView } from './views/gcp-view';
import { ClustersView } from './views/clusters-view';

export function App({ api }: { api: CloudIdApi }) {
  const { snapshot, loadError } = useSnapshot(api);
  const verification = useVerification(api);
  const [query, setQuery] = useState<ProfileQuery>(EMPTY_QUERY);
  const [order, setOrder] = useState<ProfileOrder>('name');
  const [selected, setSelected] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [view, setView] = useState<AppView>('aws');
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const detailHeadingRef = useRef<HTMLHeadingElement>(null);

  const profiles = useMemo(() => snapshot?.aws.profiles ?? [], [snapshot]);
  // Typing stays responsive with 10,000 profiles: the list catches up with the search box.
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => filterProfiles(profiles, deferredQuery, order), [profiles, deferredQuery, order]);
  const choices = useMemo(() => filterChoices(profiles), [profiles]);
  const expiries = useMemo(
    () => [
      ...profiles.map((p) => p.expiresAt),
      ...(snapshot?.aws.ssoSessions.map((s) => s.expiresAt) ?? []),
      ...(snapshot?.gcp?.accounts.map((a) => a.tokenExpiresAt) ?? []),
    ],
    [profiles, snapshot],
  );

  // First snapshot: start on the active profile, else the first one listed.
  useEffect(() => {
    if (snapshot === null || selected !== null) return;
    const active = snapshot.aws.profiles.find((p) => p.active) ?? shown[0];
    if (active !== undefined) setSelected(active.name);
  }, [snapshot, selected, shown]);

  const selectedProfile = useMemo(() => profiles.find((p) => p.name === selected) ?? null, [profiles, selected]);
  const session = useMemo(
    () => snapshot?.aws.ssoSessions.find((s) => s.name === selectedProfile?.ssoSession) ?? null,
    [snapshot, selectedProfile],
  );
  const check = selectedProfile === null ? null : latestCheck(selectedProfile.lastCheck, verification.checks.get(selectedProfile.name) ?? null);
  const now = useNow(expiries, check !== null);

  /** Show one profile even if the current filters hide it. */
  const reveal = useCallback(
    (name: string) => {
      setView('aws');
      setSelected(name);
      if (!filterProfiles(profiles, query).some((p) => p.name === name)) setQuery(EMPTY_QUERY);
      listRef.current?.focus();
    },
    [profiles, query],
  );

  const revealRef = useRef(reveal);
  useEffect(() => {
    revealRef.current = reveal;
  }, [reveal]);
  useEffect(() => api.on('focusProfile', ({ profile }) => revealRef.current(profile)), [api]);
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

  // `/` focuses the search box from anywhere but a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const leaveSearch = (): void => {
    const first = shown[0];
    if (first !== undefined && !shown.some((p) => p.name === selected)) setSelected(first.name);
    listRef.current?.focus();
  };

  return (
    <div className="app">
      <AppHeader
        aws={snapshot?.aws ?? null}
        verifyingAll={verification.allRunning}
        progress={verification.progress}
        verifyAllError={verification.allError}
        onVerifyAll={verification.verifyAll}
        onSettings={() => setSettingsOpen(true)}
        onShowActive={() => snapshot !== null && reveal(snapshot.aws.activeProfile)}
        view={view}
        onView={setView}
        attention={{ clusters: { count: snapshot?.sky?.notOperable ?? 0, label: `${snapshot?.sky?.notOperable ?? 0} not operable by the active identity` } }}
      />
      {snapshot !== null && view === 'aws' && <Notices aws={snapshot.aws} />}
      {loadError !== null && (
        <div className="banner banner-error" role="alert">
          Could not load your identities: {loadError}
        </div>
      )}
      {(gcpOpened || view === 'gcp') && (
        <main id={viewPanelId('gcp')} className="app-view" role="tabpanel" aria-labelledby="tab-gcp" hidden={view !== 'gcp'}>
          <GcpView api={api} snapshot={snapshot} now={now} />
        </main>
      )}
      {view === 'clusters' && (
        <main id={viewPanelId('clusters')} className="app-view" role="tabpanel" aria-labelledby="tab-clusters">
          <ClustersView api={api} snapshot={snapshot} verifying={verification.allRunning} verifyError={verification.allError} onVerify={verification.verifyAll} />
        </main>
      )}
      {/* Hidden, not unmounted, so the search, the filters and the selection survive a tab switch. */}
      <main className="app-main" id={viewPanelId('aws')} role="tabpanel" aria-labelledby="tab-aws" hidden={view !== 'aws'}>
        <section className="list-pane" aria-label="Profiles">
          <ListToolbar
            query={query}
            order={order}
            choices={choices}
            shown={shown.length}
            total={profiles.length}
            onQuery={setQuery}
            onOrder={setOrder}
            onLeaveSearch={leaveSearch}
            searchRef={searchRef}
          />
          {snapshot === null ? (
            <p className="empty-note">{loadError === null ? 'Loading…' : ''}</p>
          ) : (
            <ProfileList
              profiles={shown}
              selected={selected}
              now={now}
              listRef={listRef}
              onSelect={setSelected}
              onOpen={() => detailHeadingRef.current?.focus()}
            />
          )}
        </section>
        <div className="detail-pane">
          {selectedProfile !== null ? (
            <ProfileDetail
              api={api}
              profile={selectedProfile}
              session={session}
              check={check}
              verifying={verification.pending.has(selectedProfile.name)}
              verifyFailure={verification.failures.get(selectedProfile.name) ?? null}
              now={now}
              headingRef={detailHeadingRef}
              onVerify={() => verification.verify(selectedProfile.name)}
            />
          ) : (
            snapshot !== null && (
              <p className="empty-note">{profiles.length === 0 ? 'No AWS profiles found in your config or credentials file.' : 'Select a profile.'}</p>
            )
          )}
          {snapshot !== null && <SsoSessions api={api} sessions={snapshot.aws.ssoSessions} profiles={profiles} current={selectedProfile?.ssoSession ?? null} now={now} />}
        </div>
      </main>
      <SettingsDialog api={api} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
