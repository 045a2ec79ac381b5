// The composition of the core: reads its sources (AWS, gcloud, SkyPilot, kubeconfig) into a Snapshot,
// republishes it when a watched file changes or a deadline passes, and runs verifications. The
// Electron shell, the `cloudid` CLI and the e2e test bridge all drive this same object.
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AwsCliReport, IdentityCheck, Settings, Snapshot } from '../../shared/model';
import { DEFAULT_SETTINGS } from '../../shared/model';
import type { GcpState } from '../../shared/gcp-model';
import { detectAwsClis } from '../aws/aws-cli-detect';
import { openAwsCliVersionCache } from '../aws/aws-cli-version-cache';
import { createAwsReader } from '../aws/aws-reader';
import type { AwsInputs } from '../aws/aws-sources';
import { assembleAwsState } from '../aws/aws-state';
import type { ParsedAwsProfile } from '../aws/aws-config';
import { credentialSources } from '../aws/credential-source';
import {
  IDENTITY_MEMORY_FILE,
  openIdentityMemory,
  type IdentityMemory,
  type RememberedIdentity,
} from '../aws/identity-memory';
import { createIdentityVerifier, type IdentityVerifier } from '../aws/identity-verifier';
import { watchPaths, type PathWatcher } from '../fs/path-watcher';
import { createGcpReader } from '../gcp/gcp-reader';
import { errnoCode } from '../fs/errno';
import type { SourceReader } from '../fs/source-reader';
import { kubeconfigFiles, type KubeconfigRead } from '../kube/kubeconfig-merge';
import { kubeSnapshot } from '../kube/kube-snapshot';
import { createExpiryScheduler, systemClock } from '../identity/expiry-scheduler';
import { snapshotDeadline } from '../identity/expiry';
import { awsIdentitiesFrom, gcpIdentitiesFrom } from '../sky/local-identities';
import { skySnapshot } from '../sky/sky-snapshot';
import type { LocalIdentities, SkyStateRead } from '../sky/sky-types';
import { createGcpProbeTimer } from './gcp-probe-timer';
import { createReloadQueue } from './reload-queue';
import { loadSettings, saveSettings, type SettingsLoad } from './settings-store';
import { readSettled } from './settle-timer';
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
  /**
   * The app's data folder, where imported service-account keys are listed and STS answers are
   * remembered per credential source (docs/identity-memory.md).
   */
  appDataDir?: string;
  /** Probe user credentials for "Reauthentication is needed" at start, on change and a few times a day. */
  probeGcpReauth?: boolean;
  /** Read SkyPilot's ~/.sky/state.db and match each cluster's owner to the local identities (default: yes). */
  sky?: boolean;
  /** The folder whose .sky.yaml SkyPilot would read (`cloudid clusters --project-dir`); the app has none. */
  skyProjectDir?: string;
  /** Each network request's deadline: verification and the reauth probe (electron/core/net/deadline.ts). */
  requestTimeoutMs?: number;
  /** Read the kubeconfig (KUBECONFIG, else ~/.kube/config) and link each context to its identity (default: yes). */
  kube?: boolean;
}

export interface Core {
  /** Where this core reads from: operations that write users' files or run tools use the same. */
  readonly context: { env: NodeJS.ProcessEnv; homeDir: string; appDataDir: string | undefined };
  start(): Promise<void>;
  stop(): Promise<void>;
  snapshot(): Snapshot;
  /**
   * The current snapshot's next deadline counted from `at` (an instant before the snapshot): the
   * first time after it that a status may change. A remembered answer taken at `at` lasts till then.
   */
  deadlineAfter(at: number): Date | null;
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void;
  onVerifyProgress(listener: (progress: { done: number; total: number }) => void): () => void;
  verifyProfile(name: string): Promise<IdentityCheck>;
  verifyAll(): Promise<IdentityCheck[]>;
  /**
   * The STS answer remembered for the credentials the profile resolves to now, from an earlier
   * verification (docs/identity-memory.md); null when there is none. Never a check of this run.
   */
  rememberedIdentity(profile: string): RememberedIdentity | null;
  /** Every answer remembered for the credentials some profile resolves to now (what the SkyPilot part may use). */
  rememberedAnswers(): RememberedIdentity[];
  settings(): Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Recompute statuses for the current time (after sleep, or a clock change). */
  reevaluate(): void;
  /** Read every source again now (the watcher calls this; tests and the CLI may too). */
  reload(): Promise<void>;
  /** Ask Google's token endpoint whether gcloud's user credentials still refresh (network). */
  probeGcp(): Promise<void>;
}

const NO_CLI: AwsCliReport = { found: [], warning: null };

/** What the sources held at the last read. */
interface SourcesRead {
  aws: AwsInputs;
  gcp: GcpState | null;
  sky: SkyStateRead | null;
  /** The GCP identities SkyPilot would use, worked out with the SkyPilot read (they read a key file). */
  skyGcp: LocalIdentities['gcp'] | null;
  kube: KubeconfigRead | null;
}

/** What times the AWS part of a snapshot: expiries (SSO tokens, cached role credentials) and registration ends. */
type AwsDeadlines = { expiries: readonly Date[]; refreshEnds: readonly Date[] };

interface Assembled {
  snapshot: Snapshot;
  awsDeadlines: AwsDeadlines;
}

export function createCore(opts: CoreOptions): Core {
  const now = opts.now ?? Date.now;
  const watch = opts.watch ?? true;
  let loaded: SettingsLoad = { settings: { ...DEFAULT_SETTINGS }, problem: null };
  let sources: SourcesRead | null = null;
  let cli: AwsCliReport = opts.knownCli ?? NO_CLI;
  let current: Assembled | null = null;
  let watcher: PathWatcher | null = null;
  let activeFingerprint: string | null = null;
  let verifier: IdentityVerifier | null = null;
  // stop() during start(): what start still runs (`aws --version`) ends at once.
  const stopping = new AbortController();
  // While starting, sources are read but nothing is published: start() publishes once at the end.
  let starting = false;
  const checks = new Map<string, IdentityCheck>();
  // STS answers of earlier runs and of the app: owners are matched with them when nothing newer is known.
  let memory: IdentityMemory | null = null;
  const sourcesByParse = new WeakMap<readonly ParsedAwsProfile[], Map<string, string>>();
  const credentialSourcesNow = (): Map<string, string> => {
    const profiles = sources?.aws.parsed.profiles ?? [];
    let named = sourcesByParse.get(profiles);
    if (!named) sourcesByParse.set(profiles, (named = credentialSources(profiles)));
    return named;
  };
  const snapshotListeners = new Set<(s: Snapshot) => void>();
  const progressListeners = new Set<(p: { done: number; total: number }) => void>();

  const aws = createAwsReader({
    env: opts.env,
    homeDir: opts.homeDir,
    now,
    cacheDir: opts.cacheDir,
    tokenWorker: watch,
  });
  const gcp =
    opts.gcp === false
      ? null
      : createGcpReader({
          env: opts.env,
          homeDir: opts.homeDir,
          platform: process.platform,
          now,
          leadTimeMinutes: () => loaded.settings.leadTimeMinutes,
          appDataDir: opts.appDataDir,
          requestTimeoutMs: opts.requestTimeoutMs,
        });
  const sky =
    opts.sky === false
      ? null
      : lazySkyReader({ homeDir: opts.homeDir, env: opts.env, projectDir: opts.skyProjectDir ?? null });
  const kube = opts.kube === false ? null : lazyKubeReader(opts.env, opts.homeDir);

  const assemble = (): Assembled => {
    if (!sources) throw new Error('the core has not loaded yet: call start() first');
    const { settings, problem } = loaded;
    const leadMs = settings.leadTimeMinutes * 60_000;
    const at = now();
    const { aws: awsState, expiries, refreshEnds } = assembleAwsState(sources.aws, { now: at, leadMs, cli, checks });
    if (problem) awsState.problems.push(problem);
    const awsDeadlines = { expiries, refreshEnds };
    const deadline = snapshotDeadline(awsDeadlines, sources.gcp?.accounts ?? [], at, leadMs);
    // Owners are matched against STS answers, so this is recomputed with every verification.
    const skyState = sources.sky && sources.skyGcp ? skyPart(sources.sky, sources.skyGcp, awsState.profiles, at) : null;
    scheduler.schedule(deadline);
    const snapshot: Snapshot = {
      version: 1,
      generatedAt: new Date(at).toISOString(),
      leadTimeMinutes: settings.leadTimeMinutes,
      aws: awsState,
      gcp: sources.gcp,
      sky: skyState,
      kube: sources.kube
        ? kubeSnapshot(sources.kube, new Map(awsState.profiles.map((p) => [p.name, p.status])), sources.gcp)
        : null,
      nextDeadline: deadline ? deadline.toISOString() : null,
    };
    return { snapshot, awsDeadlines };
  };
  const assembled = (): Assembled => (current ??= assemble());

  /** The SkyPilot part: a profile not verified in this run is matched with its remembered answer. */
  const skyPart = (
    read: SkyStateRead,
    gcpIdentities: LocalIdentities['gcp'],
    profiles: Snapshot['aws']['profiles'],
    at: number,
  ): NonNullable<Snapshot['sky']> => {
    const named = memory ? credentialSourcesNow() : null;
    const withRemembered = profiles.map((p) => {
      const source = p.identity ? undefined : named?.get(p.name);
      return source === undefined ? p : { ...p, remembered: memory?.recall(source) ?? null };
    });
    const aws = awsIdentitiesFrom(withRemembered, opts.env, read.workspace);
    const state = skySnapshot(read, { aws, gcp: gcpIdentities }, opts.env, at);
    return memory?.problem ? { ...state, problems: [...state.problems, memory.problem] } : state;
  };

  /**
   * Takes the checks into the memory, each for its credential source as named when it was asked,
   * then publishes (a forgotten answer must not decide any more), then writes the memory's file.
   */
  const publishChecks = async (asked: readonly IdentityCheck[], named: ReadonlyMap<string, string>): Promise<void> => {
    for (const check of asked) checks.set(check.profile, check);
    let changed = false;
    for (const check of asked) {
      const source = named.get(check.profile);
      if (memory && source !== undefined && memory.record(source, check)) changed = true;
    }
    publish();
    // Not remembered is no failure of the check: the next verification writes again.
    if (changed) await memory?.save().catch(() => undefined);
  };

  const publish = (): void => {
    if (!sources || starting) return;
    const next = assemble();
    // Same snapshot: no event, but the deadlines are this assembly's.
    if (current && sameSnapshot(current.snapshot, next.snapshot)) {
      current = { snapshot: current.snapshot, awsDeadlines: next.awsDeadlines };
      return;
    }
    current = next;
    for (const listener of snapshotListeners) listener(next.snapshot);
  };

  /** gcloud statuses are computed while reading its (small) files: read them again. */
  const rereadGcp = async (): Promise<void> => {
    if (!gcp || !sources) return;
    const next = await gcp.read();
    if (sources) sources = { ...sources, gcp: next };
    publish();
  };
  const onDeadline = (): void => {
    publish();
    // A failed read leaves the statuses of the last one; the next change or deadline reads again.
    rereadGcp().catch(() => undefined);
  };
  const scheduler = createExpiryScheduler({ clock: { ...systemClock, now }, onDeadline });

  const verifierFor = (): IdentityVerifier =>
    (verifier ??= createIdentityVerifier({
      env: { ...opts.env, HOME: opts.homeDir },
      ...(opts.requestTimeoutMs === undefined ? {} : { timeoutMs: opts.requestTimeoutMs }),
    }));
  const regionOf = (name: string): string | null =>
    sources?.aws.parsed.profiles.find((p) => p.name === name)?.region ?? null;

  const verifyProfile = async (name: string): Promise<IdentityCheck> => {
    const named = credentialSourcesNow();
    const check = await verifierFor().verify(name, regionOf(name));
    await publishChecks([check], named);
    return check;
  };

  const maybeVerifyActive = (): void => {
    if (!opts.verifyActive || !sources) return;
    const { parsed, active: activeProfile } = sources.aws;
    const active = parsed.profiles.find((p) => p.name === activeProfile.name);
    const fingerprint = active ? JSON.stringify(active) : null;
    if (fingerprint === activeFingerprint) return;
    activeFingerprint = fingerprint;
    if (active) void verifyProfile(active.name);
  };

  const probeGcp = async (): Promise<void> => {
    if (!gcp) return;
    await gcp.probe();
    await rereadGcp();
  };
  const probeTimer = opts.probeGcpReauth && gcp ? createGcpProbeTimer({ probe: probeGcp }) : null;

  const readSources = async (): Promise<Omit<SourcesRead, 'skyGcp'>> => {
    const [awsRead, gcpRead, skyRead, kubeRead] = await Promise.all([
      aws.read(),
      gcp ? gcp.read() : null,
      sky ? sky.read() : null,
      kube ? kube.read() : null,
    ]);
    return { aws: awsRead, gcp: gcpRead, sky: skyRead, kube: kubeRead };
  };
  const reloads = createReloadQueue(async () => {
    const previous = sources?.aws ?? null;
    const read = await readSettled({
      read: readSources,
      unsettled: async (next) => previous !== null && (await aws.looksHalfWritten(next.aws, previous)),
    });
    const skyGcp = read.sky && read.gcp ? await gcpIdentitiesFrom(read.gcp, opts.env, read.sky.workspace) : null;
    sources = { ...read, skyGcp };
    publish();
    maybeVerifyActive();
    if (read.gcp) probeTimer?.activeAccountIs(read.gcp.configurations.find((c) => c.active)?.account ?? null);
  });
  const reload = (): Promise<void> => reloads.request();

  return {
    context: { env: opts.env, homeDir: opts.homeDir, appDataDir: opts.appDataDir },
    async start() {
      loaded = await loadSettings(opts.settingsFile);
      // Stopped while the settings were read (the app quit during start-up): start nothing.
      if (stopping.signal.aborted) return;
      if (watch) {
        await sky?.load();
        watcher = watchPaths({
          targets: [aws, gcp, sky, kube].flatMap((source) => source?.watchTargets() ?? []),
          debounceMs: opts.debounceMs,
          boundary: opts.homeDir,
          onChange: () => void reload(),
        });
      }
      const detect = async (): Promise<void> => {
        const versionCache = opts.cacheDir ? await openAwsCliVersionCache(opts.cacheDir) : undefined;
        cli = await detectAwsClis({
          path: opts.env.PATH,
          platform: process.platform,
          env: opts.env,
          versionCache,
          signal: stopping.signal,
        });
      };
      const cliDetection = (opts.detectCli ?? true) && opts.knownCli === undefined ? detect() : Promise.resolve();
      const openMemory = async (): Promise<void> => {
        if (opts.appDataDir) memory = await openIdentityMemory(join(opts.appDataDir, IDENTITY_MEMORY_FILE), { now });
      };
      starting = true;
      try {
        await Promise.all([reload(), cliDetection, watcher?.ready, openMemory()]);
      } finally {
        starting = false;
      }
      if (!stopping.signal.aborted) publish();
    },
    async stop() {
      stopping.abort();
      scheduler.dispose();
      probeTimer?.stop();
      await watcher?.close();
      watcher = null;
      await aws.close();
    },
    snapshot: () => assembled().snapshot,
    deadlineAfter(at) {
      const { snapshot, awsDeadlines } = assembled();
      return snapshotDeadline(awsDeadlines, snapshot.gcp?.accounts ?? [], at, snapshot.leadTimeMinutes * 60_000);
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
      // Each in its own region, as verifyProfile does (a partition's STS answers only there).
      const profiles = sources?.aws.parsed.profiles.map((p) => ({ profile: p.name, region: p.region })) ?? [];
      const named = credentialSourcesNow();
      const results = await verifierFor().verifyAll(profiles, (done, total) => {
        for (const listener of progressListeners) listener({ done, total });
      });
      await publishChecks(results, named);
      return results;
    },
    rememberedIdentity(profile) {
      const source = memory ? credentialSourcesNow().get(profile) : undefined;
      return source === undefined ? null : (memory?.recall(source) ?? null);
    },
    rememberedAnswers() {
      if (!memory) return [];
      const answers: RememberedIdentity[] = [];
      for (const source of new Set(credentialSourcesNow().values())) {
        const answer = memory.recall(source);
        if (answer) answers.push(answer);
      }
      return answers;
    },
    settings: () => ({ ...loaded.settings }),
    async updateSettings(patch) {
      const settings = { ...loaded.settings, ...patch };
      loaded = { settings, problem: loaded.problem };
      await saveSettings(opts.settingsFile, settings);
      loaded = { settings, problem: null };
      publish();
      return { ...settings };
    },
    reevaluate: onDeadline,
    reload,
    probeGcp,
  };
}

// The SkyPilot and kubeconfig readers are loaded when first needed: they bring the YAML parser
// and SkyPilot's database reader, which `cloudid status` (no SkyPilot) and a home without a
// kubeconfig never use. The bench's typical home (test/bench/fixtures.ts) has no kubeconfig.

/** The SkyPilot reader, its module loaded by the first read or by load() (before watchTargets). */
function lazySkyReader(options: {
  homeDir: string;
  env: NodeJS.ProcessEnv;
  projectDir: string | null;
}): SourceReader<SkyStateRead> & { load(): Promise<void> } {
  let reader: SourceReader<SkyStateRead> | null = null;
  const load = async (): Promise<SourceReader<SkyStateRead>> =>
    (reader ??= (await import('../sky/sky-reader')).createSkyReader(options));
  return {
    read: async () => (await load()).read(),
    async load() {
      await load();
    },
    watchTargets() {
      if (reader === null) throw new Error('the SkyPilot reader is not loaded: await load() first');
      return reader.watchTargets();
    },
  };
}

/**
 * The kubeconfig reader (kube/kube-reader.ts), loaded only when one of its files is there (a
 * dangling link included) or cannot be examined: with every file missing it answers null, as
 * kube-reader.ts does (kubectl has no config then either).
 */
function lazyKubeReader(env: NodeJS.ProcessEnv, homeDir: string): SourceReader<KubeconfigRead | null> {
  return {
    async read() {
      const { files } = kubeconfigFiles(env, homeDir);
      const missing = await Promise.all(
        files.map((path) =>
          lstat(path).then(
            () => false,
            (error: unknown) => errnoCode(error) === 'ENOENT',
          ),
        ),
      );
      if (missing.every(Boolean)) return null;
      return (await import('../kube/kube-reader')).createKubeReader({ homeDir, env }).read();
    },
    watchTargets: () => kubeconfigFiles(env, homeDir).files.map((path) => ({ path, kind: 'file' as const })),
  };
}
