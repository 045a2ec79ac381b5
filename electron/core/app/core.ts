// The composition of the core: reads sources into a Snapshot, republishes it when a watched file
// changes or a deadline passes, and runs verifications. The Electron shell, the `cloudid` CLI and
// the e2e test bridge all drive this same object.
import { stat } from 'node:fs/promises';
import type { AwsCliReport, IdentityCheck, Problem, Settings, Snapshot } from '../../shared/model';
import { DEFAULT_SETTINGS } from '../../shared/model';
import { detectAwsClis } from '../aws/aws-cli-detect';
import { openAwsCliVersionCache } from '../aws/aws-cli-version-cache';
import { resolveAwsPaths } from '../aws/aws-environment';
import { readAwsInputs, type AwsInputs } from '../aws/aws-sources';
import { openParsedConfigCache } from '../aws/parsed-config-cache';
import { assembleAwsState } from '../aws/aws-state';
import { createTokenFolderReader } from '../aws/token-folder-reader';
import { createIdentityVerifier } from '../aws/identity-verifier';
import { watchPaths, type PathWatcher, type WatchTarget } from '../fs/path-watcher';
import { gcloudConfigDir, gcloudWatchPaths } from '../gcp/gcloud-config-dir';
import { probeGcloudUserCredentials } from '../gcp/gcloud-reauth-probe';
import { readGcpState } from '../gcp/gcp-state';
import type { UserCredentialProbe } from '../gcp/user-credential-probe';
import type { GcpState } from '../../shared/gcp-model';
import { awsIdentitiesFrom, gcpIdentitiesFrom } from '../sky/local-identities';
import { skySnapshot } from '../sky/sky-snapshot';
import { readSkyState } from '../sky/sky-state-reader';
import type { LocalIdentities, SkyStateRead } from '../sky/sky-types';
import { skyWatchTargets } from '../sky/sky-watch';
import { createExpiryScheduler, systemClock } from '../identity/expiry-scheduler';
import { snapshotDeadline } from '../identity/expiry';
import { loadSettings, saveSettings } from './settings-store';
import { sameSnapshot } from './snapshot-equality';

export interface CoreOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  settingsFile: string;
  now?: () => number;
  /** Watch the files and republish on change (the app: yes; a one-shot CLI: no). */
  watch?: boolean;
  /** Run every `aws --version` on PATH (costs about half a second, in the background). */
  detectCli?: boolean;
  /** The `aws` CLIs, already found by the caller: no detection then (`cloudid status --json`). */
  knownCli?: AwsCliReport;
  /** Ask STS who the active profile is at start and whenever its definition changes. */
  verifyActive?: boolean;
  /** How long events must settle before a reload. */
  debounceMs?: number;
  /** Keep `aws --version` answers and the parsed AWS config in this folder between runs (the one-shot CLI). */
  cacheDir?: string;
  /** Read gcloud's state too (default: yes). */
  gcp?: boolean;
  /** The app's data folder, where imported service-account keys are listed. */
  appDataDir?: string;
  /** Probe user credentials for "Reauthentication is needed" at start, on change and a few times a day. */
  probeGcpReauth?: boolean;
  /** Read SkyPilot's ~/.sky/state.db and match each cluster's owner to the local identities (default: yes). */
  sky?: boolean;
}

export interface Core {
  /** Where this core reads from: operations that write users' files or run tools use the same. */
  readonly context: { env: NodeJS.ProcessEnv; homeDir: string; appDataDir: string | undefined };
  start(): Promise<void>;
  stop(): Promise<void>;
  snapshot(): Snapshot;
  /** What times the AWS part of the current snapshot: expiries (SSO tokens, cached role credentials) and registration ends. */
  awsDeadlines(): { expiries: readonly Date[]; refreshEnds: readonly Date[] };
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void;
  onVerifyProgress(listener: (progress: { done: number; total: number }) => void): () => void;
  verifyProfile(name: string): Promise<IdentityCheck>;
  verifyAll(): Promise<IdentityCheck[]>;
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Recompute statuses for the current time (after sleep, or a clock change). */
  reevaluate(): void;
  /** Read every source again now (the watcher calls this; tests and the CLI may too). */
  reload(): Promise<void>;
  /** Ask Google's token endpoint whether gcloud's user credentials still refresh (network). */
  probeGcp(): Promise<void>;
}

/** A file that failed to parse this recently is probably still being written: read it again. */
const HALF_WRITTEN_WINDOW_MS = 1000;
const HALF_WRITTEN_RETRY_MS = 150;
const HALF_WRITTEN_MAX_RETRIES = 3;

const NO_CLI: AwsCliReport = { found: [], warning: null };
/** "A few times a day": user credentials under a session-control policy last 1–24 h. */
const GCP_REAUTH_PROBE_INTERVAL_MS = 6 * 3_600_000;

export function createCore(opts: CoreOptions): Core {
  const now = opts.now ?? Date.now;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let settingsProblem: Problem | null = null;
  let inputs: AwsInputs | null = null;
  let gcp: GcpState | null = null;
  let skyRead: SkyStateRead | null = null;
  let skyGcp: LocalIdentities['gcp'] | null = null;
  let gcpProbes: ReadonlyMap<string, UserCredentialProbe> | undefined;
  let gcpProbeTimer: ReturnType<typeof setTimeout> | null = null;
  let gcpProbedAccount: string | null | undefined;
  const platform = process.platform;
  const parseCache = opts.cacheDir ? openParsedConfigCache(opts.cacheDir) : undefined;
  // The long-running app reads SSO token files on a worker thread while the config is parsed; a
  // one-shot CLI would spend more starting the thread than it saves.
  const tokenReader = (opts.watch ?? true) ? createTokenFolderReader() : undefined;
  const readSky = (): Promise<SkyStateRead | null> =>
    opts.sky === false ? Promise.resolve(null) : readSkyState({ homeDir: opts.homeDir, env: opts.env });
  const readGcp = (): Promise<GcpState | null> =>
    opts.gcp === false
      ? Promise.resolve(null)
      : readGcpState({ env: opts.env, homeDir: opts.homeDir, platform, now: new Date(now()), leadTimeMinutes: settings.leadTimeMinutes, appDataDir: opts.appDataDir, probes: gcpProbes });
  let cli: AwsCliReport = opts.knownCli ?? NO_CLI;
  const checks = new Map<string, IdentityCheck>();
  let current: Snapshot | null = null;
  let currentAwsDeadlines: { expiries: readonly Date[]; refreshEnds: readonly Date[] } = { expiries: [], refreshEnds: [] };
  let watcher: PathWatcher | null = null;
  let activeFingerprint: string | null = null;
  const snapshotListeners = new Set<(s: Snapshot) => void>();
  const progressListeners = new Set<(p: { done: number; total: number }) => void>();
  let verifier: ReturnType<typeof createIdentityVerifier> | null = null;
  const onDeadline = (): void => {
    publish();
    // gcloud statuses are computed while reading its (small) files: read them again.
    if (gcp) void readGcp().then((next) => {
      gcp = next;
      publish();
    });
  };
  const scheduler = createExpiryScheduler({ clock: { ...systemClock, now }, onDeadline });

  const assemble = (): Snapshot => {
    if (!inputs) throw new Error('the core has not loaded yet: call start() first');
    const leadMs = settings.leadTimeMinutes * 60_000;
    const at = now();
    const { aws, expiries, refreshEnds } = assembleAwsState(inputs, { now: at, leadMs, cli, checks });
    if (settingsProblem) aws.problems.push(settingsProblem);
    currentAwsDeadlines = { expiries, refreshEnds };
    const deadline = snapshotDeadline(currentAwsDeadlines, gcp?.accounts ?? [], at, leadMs);
    // Owners are matched against STS answers, so this is recomputed with every verification.
    const sky = skyRead && skyGcp ? skySnapshot(skyRead, { aws: awsIdentitiesFrom(aws.profiles, opts.env), gcp: skyGcp }, opts.env) : null;
    scheduler.schedule(deadline);
    return {
      version: 1,
      generatedAt: new Date(at).toISOString(),
      leadTimeMinutes: settings.leadTimeMinutes,
      aws,
      gcp,
      sky,
      nextDeadline: deadline ? deadline.toISOString() : null,
    };
  };

  // While starting, sources are read but nothing is published: start() publishes once at the end.
  let starting = false;
  const publish = (): void => {
    if (!inputs || starting) return;
    const next = assemble();
    if (current && sameSnapshot(current, next)) return;
    current = next;
    for (const listener of snapshotListeners) listener(next);
  };

  const verifierFor = (): ReturnType<typeof createIdentityVerifier> =>
    (verifier ??= createIdentityVerifier({ env: { ...opts.env, HOME: opts.homeDir } }));

  const regionOf = (name: string): string | null =>
    inputs?.parsed.profiles.find((p) => p.name === name)?.region ?? null;

  const verifyProfile = async (name: string): Promise<IdentityCheck> => {
    const check = await verifierFor().verify(name, regionOf(name));
    checks.set(name, check);
    publish();
    return check;
  };

  const maybeVerifyActive = (): void => {
    if (!opts.verifyActive || !inputs) return;
    const active = inputs.parsed.profiles.find((p) => p.name === inputs?.active.name);
    const fingerprint = active ? JSON.stringify(active) : null;
    if (fingerprint === activeFingerprint) return;
    activeFingerprint = fingerprint;
    if (active) void verifyProfile(active.name);
  };

  const probeGcp = async (): Promise<void> => {
    if (opts.gcp === false) return;
    gcpProbes = await probeGcloudUserCredentials({ env: opts.env, homeDir: opts.homeDir, platform });
    gcp = await readGcp();
    publish();
  };

  /** Probe at start, when the active gcloud account changes, and every few hours. */
  const maybeProbeGcp = (): void => {
    if (!opts.probeGcpReauth || !gcp) return;
    const account = gcp.configurations.find((c) => c.active)?.account ?? null;
    if (account === gcpProbedAccount) return;
    gcpProbedAccount = account;
    if (gcpProbeTimer) clearTimeout(gcpProbeTimer);
    const run = (): void => {
      probeGcp().catch(() => undefined);
      gcpProbeTimer = setTimeout(run, GCP_REAUTH_PROBE_INTERVAL_MS);
    };
    run();
  };

  /** Every problem of a read, as `file:line:message`, to tell new problems from known ones. */
  const problemKeys = (read: AwsInputs): Map<string, string> => {
    const keys = new Map<string, string>();
    const add = (p: Problem): void => {
      if (p.file) keys.set(`${p.file}:${p.line ?? ''}:${p.message}`, p.file);
    };
    read.parsed.problems.forEach(add);
    for (const profile of read.parsed.profiles) profile.problems.forEach(add);
    for (const token of read.tokens.values()) if (token.problem && !token.missing) add(token.problem);
    return keys;
  };

  /**
   * A problem that was not there before, in a file modified a moment ago, is most likely a write
   * caught half way (the CLI writes its token cache in place): read again before showing it.
   */
  const looksHalfWritten = async (read: AwsInputs, previous: AwsInputs): Promise<boolean> => {
    const known = problemKeys(previous);
    const files = new Set<string>();
    for (const [key, file] of problemKeys(read)) if (!known.has(key)) files.add(file);
    const at = now();
    for (const file of files) {
      const info = await stat(file).catch(() => null);
      if (info && at - info.mtimeMs < HALF_WRITTEN_WINDOW_MS) return true;
    }
    return false;
  };

  let reloading: Promise<void> | null = null;
  let reloadAgain = false;
  const reloadOnce = async (): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      const [read, gcpRead, skyStateRead] = await Promise.all([readAwsInputs(opts.env, opts.homeDir, now(), { parseCache, tokenReader }), readGcp(), readSky()]);
      const settle = attempt < HALF_WRITTEN_MAX_RETRIES && inputs !== null && (await looksHalfWritten(read, inputs));
      if (!settle) {
        inputs = read;
        gcp = gcpRead;
        skyRead = skyStateRead;
        skyGcp = skyStateRead && gcpRead ? await gcpIdentitiesFrom(gcpRead, opts.env) : null;
        break;
      }
      await new Promise((r) => setTimeout(r, HALF_WRITTEN_RETRY_MS));
    }
    publish();
    maybeVerifyActive();
    maybeProbeGcp();
  };
  // One reload at a time; a change during a reload asks for exactly one more.
  const reload = async (): Promise<void> => {
    if (reloading) {
      reloadAgain = true;
      return reloading;
    }
    reloading = (async () => {
      try {
        do {
          reloadAgain = false;
          await reloadOnce();
        } while (reloadAgain);
      } finally {
        reloading = null;
      }
    })();
    return reloading;
  };

  return {
    context: { env: opts.env, homeDir: opts.homeDir, appDataDir: opts.appDataDir },
    async start() {
      const loaded = await loadSettings(opts.settingsFile);
      settings = loaded.settings;
      settingsProblem = loaded.problem;
      const paths = resolveAwsPaths(opts.env, opts.homeDir);
      if (opts.watch ?? true) {
        const gcloudTargets: WatchTarget[] =
          opts.gcp === false
            ? []
            : gcloudWatchPaths(gcloudConfigDir(opts.env, opts.homeDir, platform)).map((path) => ({
                path,
                kind: path.endsWith('configurations') ? 'dir' : 'file',
              }));
        watcher = watchPaths({
          targets: [
            { path: paths.configFile, kind: 'file' },
            { path: paths.credentialsFile, kind: 'file' },
            { path: paths.ssoCacheDir, kind: 'dir' },
            { path: paths.cliCacheDir, kind: 'dir' },
            ...gcloudTargets,
            ...(opts.sky === false ? [] : skyWatchTargets(opts.homeDir, opts.env)),
          ],
          debounceMs: opts.debounceMs,
          boundary: opts.homeDir,
          onChange: () => void reload(),
        });
      }
      const detect = async (): Promise<void> => {
        const versionCache = opts.cacheDir ? await openAwsCliVersionCache(opts.cacheDir) : undefined;
        cli = await detectAwsClis({ path: opts.env.PATH, platform: process.platform, env: opts.env, versionCache });
      };
      const cliDetection = (opts.detectCli ?? true) && opts.knownCli === undefined ? detect() : Promise.resolve();
      starting = true;
      try {
        await Promise.all([reload(), cliDetection, watcher?.ready]);
      } finally {
        starting = false;
      }
      publish();
    },
    async stop() {
      scheduler.dispose();
      if (gcpProbeTimer) clearTimeout(gcpProbeTimer);
      await watcher?.close();
      watcher = null;
      await tokenReader?.close();
    },
    snapshot() {
      if (!current) current = assemble();
      return current;
    },
    awsDeadlines() {
      if (!current) current = assemble();
      return currentAwsDeadlines;
    },
    onSnapshot(listener) {
      snapshotListeners.add(listener);
      return () => snapshotListeners.delete(listener);
    },
    onVerifyProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    verifyProfile,
    async verifyAll() {
      const names = inputs?.parsed.profiles.map((p) => p.name) ?? [];
      const results = await verifierFor().verifyAll(names, (done, total) => {
        for (const listener of progressListeners) listener({ done, total });
      });
      for (const check of results) checks.set(check.profile, check);
      publish();
      return results;
    },
    settings: () => ({ ...settings }),
    async updateSettings(patch) {
      settings = { ...settings, ...patch };
      await saveSettings(opts.settingsFile, settings);
      settingsProblem = null;
      publish();
      return { ...settings };
    },
    reevaluate: onDeadline,
    reload,
    probeGcp,
  };
}
