import { useId, useMemo, useState } from 'react';
import type { CloudIdApi, Snapshot } from '../shared-types';
import { ClustersGroup } from '../components/clusters-group';
import { KubeContexts, type KubeLoginTargets } from '../components/kube-contexts';
import { ProblemList } from '../components/problem-list';
import { useNow } from '../hooks/use-now';
import {
  ALL_CLOUDS,
  cloudChoices,
  cloudLabel,
  filterByCloud,
  groupByOwner,
  summarize,
  type SkyState,
} from '../lib/clusters-view';
import './clusters-view.css';

interface ClustersViewProps {
  api: CloudIdApi;
  snapshot: Snapshot | null;
  /** A Verify all run (from here, the header or the tray) is under way. */
  verifying: boolean;
  verifyError: string | null;
  /** Ask STS who every AWS profile is (api.verifyAll), so unknown verdicts become known. */
  onVerify(): void;
  /** Where a Kubernetes context's login is done: its AWS profile, or the Google Cloud tab. */
  kubeTargets: KubeLoginTargets;
}

const NO_EXPIRIES: readonly (string | null)[] = [];
// A missing state.db is an ordinary machine without SkyPilot; a busy one is read again shortly.
const UNAVAILABLE_TONE: Record<NonNullable<SkyState['reason']>, string> = {
  missing: 'banner-info',
  busy: 'banner-warning',
  unreadable: 'banner-error',
  corrupt: 'banner-error',
  'not-skypilot': 'banner-error',
};

/** The Clusters tab: SkyPilot's clusters by owner, and whether the identity `sky` uses now may operate each. */
export function ClustersView({ api, snapshot, verifying, verifyError, onVerify, kubeTargets }: ClustersViewProps) {
  const sky = snapshot?.sky ?? null;
  const clusters = useMemo(() => sky?.clusters ?? [], [sky]);
  // "launched 5m ago" labels move on once a minute while clusters are shown.
  const now = useNow(NO_EXPIRIES, clusters.length > 0);
  const [cloud, setCloud] = useState<string>(ALL_CLOUDS);
  const filterId = useId();

  const choices = useMemo(() => {
    const present = cloudChoices(clusters);
    // A chosen cloud whose last cluster went away stays chosen (and says 0) rather than jumping.
    return cloud === ALL_CLOUDS || present.some((c) => c.key === cloud)
      ? present
      : [...present, { key: cloud, label: cloudLabel(cloud), count: 0 }];
  }, [clusters, cloud]);
  const shown = useMemo(() => filterByCloud(clusters, cloud), [clusters, cloud]);
  const groups = useMemo(() => groupByOwner(shown), [shown]);
  const summary = useMemo(() => summarize(clusters), [clusters]);
  // The banner already says why state.db cannot be read; the same words as a problem add nothing.
  const problems = useMemo(() => sky?.problems.filter((p) => p.message !== sky.message) ?? [], [sky]);

  if (snapshot === null)
    return (
      <div className="clusters-view">
        <p className="empty-note">Loading…</p>
      </div>
    );
  if (sky === null) {
    return (
      <div className="clusters-view">
        <p className="empty-note">Reading SkyPilot’s clusters is turned off.</p>
        {snapshot.kube !== null && <KubeContexts kube={snapshot.kube} targets={kubeTargets} />}
      </div>
    );
  }

  return (
    <div className="clusters-view">
      {/* What needs doing first: the verdicts wait for Verify identities. */}
      {summary.toVerify > 0 && (
        <div className="banner banner-warning clusters-verify" role="status">
          <p className="banner-headline">
            {summary.toVerify === 1 ? '1 cluster: ' : `${summary.toVerify} clusters: `}
            unknown whether the active identity can operate {summary.toVerify === 1 ? 'it' : 'them'} until your AWS
            profiles are verified.
          </p>
          <button type="button" className="primary" onClick={onVerify} disabled={verifying}>
            {verifying ? 'Verifying…' : 'Verify identities'}
          </button>
          {!verifying && verifyError !== null && <span className="inline-error">Verify failed: {verifyError}</span>}
        </div>
      )}
      {sky.available && <SkyNow sky={sky} />}
      {!sky.available && (sky.reason === 'missing' || sky.reason === null) && (
        <NoClustersYet stateFile={sky.stateFile} />
      )}
      {!sky.available && sky.reason !== 'missing' && sky.reason !== null && (
        <p className={`banner ${UNAVAILABLE_TONE[sky.reason]} clusters-unavailable`} role="status">
          <strong>Cannot read SkyPilot’s clusters.</strong>{' '}
          {sky.message ?? `SkyPilot’s state (${sky.stateFile}) cannot be read.`}
        </p>
      )}
      {sky.identityCheckSkipped && (
        <p className="banner banner-info" role="status">
          <code>SKYPILOT_SKIP_CLOUD_IDENTITY_CHECK</code> is set: SkyPilot checks no cluster’s owner, so any identity
          may operate any cluster.
        </p>
      )}
      {(sky.controllerWarnings ?? []).length > 0 && <ControllerWarnings warnings={sky.controllerWarnings ?? []} />}
      {problems.length > 0 && <ProblemList problems={problems} label="Problems reading SkyPilot’s state" />}
      {sky.available && clusters.length === 0 && <NoClustersYet stateFile={sky.stateFile} />}
      {clusters.length > 0 && (
        <>
          <div className="clusters-toolbar">
            <label htmlFor={filterId}>Cloud</label>
            <select id={filterId} value={cloud} onChange={(event) => setCloud(event.target.value)}>
              <option value={ALL_CLOUDS}>All clouds ({clusters.length})</option>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label} ({c.count})
                </option>
              ))}
            </select>
            <span className="clusters-summary muted" role="status">
              {shown.length === clusters.length
                ? `${clusters.length} cluster${clusters.length === 1 ? '' : 's'}`
                : `${shown.length} of ${clusters.length} clusters`}
              {summary.notOperable > 0 && (
                <span className="clusters-count-bad"> · {summary.notOperable} not operable by the active identity</span>
              )}
            </span>
          </div>
          {groups.length === 0 ? (
            <p className="empty-note">No clusters on {cloudLabel(cloud)}.</p>
          ) : (
            groups.map((group) => <ClustersGroup key={group.key} api={api} group={group} now={now} />)
          )}
        </>
      )}
      {snapshot.kube !== null && <KubeContexts kube={snapshot.kube} targets={kubeTargets} />}
    </div>
  );
}

/** No state.db yet, or one without clusters: what this tab will show, not a warning. */
function NoClustersYet({ stateFile }: { stateFile: string }) {
  return (
    <section className="first-run" aria-labelledby="clusters-first-run-title">
      <h2 id="clusters-first-run-title">No SkyPilot clusters yet</h2>
      <p>
        Clusters you launch with <code>sky launch</code> show here by owner, with whether the identity SkyPilot uses now
        may operate each one.
      </p>
      <p className="muted">
        SkyPilot keeps them in <span className="mono">{stateFile}</span>.
      </p>
    </section>
  );
}

/** The identities SkyPilot would use right now, as it prints them. */
function SkyNow({ sky }: { sky: SkyState }) {
  const { aws, awsProfile, awsAccountHint, gcp } = sky.activeIdentities;
  const awsText =
    aws ??
    (awsProfile
      ? `profile ${awsProfile} — not verified${awsAccountHint ? ` (account ${awsAccountHint} from its config)` : ''}`
      : 'keys from the environment, not verified');
  return (
    <section className="clusters-now" aria-labelledby="clusters-now-title">
      <h2 id="clusters-now-title">SkyPilot uses now</h2>
      <dl className="fields">
        <dt>AWS</dt>
        <dd>
          {aws !== null && awsProfile !== null && <span className="muted">profile {awsProfile} · </span>}
          <span className="mono">{awsText}</span>
        </dd>
        <dt>Google Cloud</dt>
        <dd className="mono">{gcp ?? <span className="muted">unknown (no active gcloud account or project)</span>}</dd>
        {sky.workspace && (
          <>
            <dt>Workspace</dt>
            <dd>
              <span className="mono">{sky.workspace.name}</span>
              <span className="muted">
                {sky.workspace.setIn ? ` · active_workspace in ${sky.workspace.setIn}` : ' · SkyPilot’s default'}
                {sky.workspace.awsProfile && ` · sets AWS profile ${sky.workspace.awsProfile}`}
                {sky.workspace.gcpProjectId && ` · sets GCP project ${sky.workspace.gcpProjectId}`}
              </span>
            </dd>
          </>
        )}
      </dl>
      <details className="dev-details">
        <summary>Details</summary>
        <dl className="fields">
          <dt>State</dt>
          <dd className="mono">{sky.stateFile}</dd>
        </dl>
      </details>
    </section>
  );
}

/** Controllers (managed jobs, SkyServe) would get credentials that expire: why, and what instead. */
function ControllerWarnings({ warnings }: { warnings: NonNullable<SkyState['controllerWarnings']> }) {
  const controllers = [...new Set(warnings.flatMap((w) => w.controllers))];
  return (
    <section className="banner banner-warning clusters-controllers" role="status" aria-label="Controller credentials">
      <p className="banner-headline">
        {controllers.length === 1 ? 'The controller ' : 'The controllers '}
        <span className="mono">{controllers.join(', ')}</span> would get credentials that expire.
      </p>
      <ul>
        {warnings.map((w) => (
          <li key={w.cloud}>
            {w.message} <strong>Instead:</strong> {w.instead}
          </li>
        ))}
      </ul>
    </section>
  );
}
