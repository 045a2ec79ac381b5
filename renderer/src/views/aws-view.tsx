import {
  useCallback,
  useDeferredValue,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react';
import type { CloudIdApi, Snapshot } from '../shared-types';
import { AwsFirstRun } from '../components/aws-first-run';
import { ListToolbar } from '../components/list-toolbar';
import { ProfileDetail } from '../components/profile-detail';
import { ProfileList } from '../components/profile-list';
import { LoginSessions } from '../components/login-sessions';
import { SsoSessions } from '../components/sso-sessions';
import { useNow } from '../hooks/use-now';
import { useSsoLogins } from '../hooks/use-sso-logins';
import type { Verification } from '../hooks/use-verification';
import { latestCheck } from '../lib/freshness';
import { EMPTY_QUERY, filterChoices, filterProfiles, type ProfileOrder, type ProfileQuery } from '../lib/profile-query';
import './aws-view.css';

/** What the shell may ask of the AWS view: the tray's focusProfile and the header's Show active. */
export interface AwsViewHandle {
  /** Select one profile and focus the list, clearing the filters if they hide it. */
  reveal(name: string): void;
}

interface AwsViewProps {
  api: CloudIdApi;
  snapshot: Snapshot | null;
  /** The first snapshot could not be read (the shell shows why): the list stops saying Loading…. */
  loadFailed: boolean;
  verification: Verification;
  ref?: Ref<AwsViewHandle>;
}

/**
 * The AWS tab: the profile list beside the selected profile's details and the SSO sessions. The
 * shell hides it rather than unmounting it, so the search, the filters and the selection survive
 * a tab switch.
 */
export function AwsView({ api, snapshot, loadFailed, verification, ref }: AwsViewProps) {
  const [query, setQuery] = useState<ProfileQuery>(EMPTY_QUERY);
  const [order, setOrder] = useState<ProfileOrder>('name');
  const [selected, setSelected] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const detailHeadingRef = useRef<HTMLHeadingElement>(null);
  const logins = useSsoLogins(api);

  const profiles = useMemo(() => snapshot?.aws.profiles ?? [], [snapshot]);
  // Typing stays responsive with 10,000 profiles: the list catches up with the search box.
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => filterProfiles(profiles, deferredQuery, order), [profiles, deferredQuery, order]);
  const choices = useMemo(() => filterChoices(profiles), [profiles]);
  const expiries = useMemo(
    () => [
      ...profiles.map((p) => p.expiresAt),
      ...(snapshot?.aws.ssoSessions.map((s) => s.expiresAt) ?? []),
      ...(snapshot?.aws.loginSessions.flatMap((s) => [s.expiresAt, s.credentialsExpireAt]) ?? []),
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
  const check =
    selectedProfile === null
      ? null
      : latestCheck(selectedProfile.lastCheck, verification.checks.get(selectedProfile.name) ?? null);
  const now = useNow(expiries, check !== null);

  const reveal = useCallback(
    (name: string) => {
      setSelected(name);
      if (!filterProfiles(profiles, query).some((p) => p.name === name)) setQuery(EMPTY_QUERY);
      listRef.current?.focus();
    },
    [profiles, query],
  );
  useImperativeHandle(ref, () => ({ reveal }), [reveal]);

  // `/` focuses the search box from anywhere but a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
        return;
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

  if (snapshot !== null && profiles.length === 0) {
    return (
      <div className="aws-first-run">
        <AwsFirstRun api={api} sessionNames={snapshot.aws.ssoSessions.map((s) => s.name)} />
        {snapshot.aws.ssoSessions.length > 0 && (
          <SsoSessions
            api={api}
            sessions={snapshot.aws.ssoSessions}
            profiles={profiles}
            current={null}
            now={now}
            logins={logins}
          />
        )}
        {snapshot.aws.loginSessions.length > 0 && (
          <LoginSessions api={api} sessions={snapshot.aws.loginSessions} current={null} now={now} />
        )}
      </div>
    );
  }

  return (
    <>
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
          <p className="empty-note">{loadFailed ? '' : 'Loading…'}</p>
        ) : (
          <ProfileList
            profiles={shown}
            checks={verification.checks}
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
            logins={logins}
            headingRef={detailHeadingRef}
            onVerify={() => verification.verify(selectedProfile.name)}
          />
        ) : (
          snapshot !== null && <p className="empty-note">Select a profile.</p>
        )}
        {snapshot !== null && (
          <SsoSessions
            api={api}
            sessions={snapshot.aws.ssoSessions}
            profiles={profiles}
            current={selectedProfile?.ssoSession ?? null}
            now={now}
            logins={logins}
          />
        )}
        {snapshot !== null && (
          <LoginSessions
            api={api}
            sessions={snapshot.aws.loginSessions}
            current={selectedProfile?.name ?? null}
            now={now}
          />
        )}
      </div>
    </>
  );
}
