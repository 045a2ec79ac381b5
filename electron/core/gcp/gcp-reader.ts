// The gcloud source of the snapshot: its configurations, credential databases and ADC file, with
// statuses at the reader's clock and lead time, and what the last reauth probe learnt (network,
// only when asked: probe()).
import type { GcpState } from '../../shared/gcp-model';
import type { SourceReader } from '../fs/source-reader';
import { gcloudConfigDir, gcloudWatchPaths } from './gcloud-config-dir';
import { probeGcloudUserCredentials } from './gcloud-reauth-probe';
import { readGcpState } from './gcp-state';
import type { UserCredentialProbe } from './user-credential-probe';

export interface GcpReaderOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  now: () => number;
  /** Read at each read: the setting may change while the app runs. */
  leadTimeMinutes: () => number;
  /** The app's data folder, where imported service-account keys are listed. */
  appDataDir?: string;
  /** The probe's request deadline (electron/core/net/deadline.ts). */
  requestTimeoutMs?: number | undefined;
}

export interface GcpReader extends SourceReader<GcpState> {
  /** Asks Google's token endpoint whether the user credentials still refresh; later reads say so. */
  probe(): Promise<void>;
}

export function createGcpReader(options: GcpReaderOptions): GcpReader {
  const { env, homeDir, platform } = options;
  let probes: ReadonlyMap<string, UserCredentialProbe> | undefined;
  return {
    read: () =>
      readGcpState({
        env,
        homeDir,
        platform,
        now: new Date(options.now()),
        leadTimeMinutes: options.leadTimeMinutes(),
        appDataDir: options.appDataDir,
        probes,
      }),
    watchTargets: () =>
      gcloudWatchPaths(gcloudConfigDir(env, homeDir, platform)).map((path) => ({
        path,
        kind: path.endsWith('configurations') ? 'dir' : 'file',
      })),
    async probe() {
      probes = await probeGcloudUserCredentials({
        env,
        homeDir,
        platform,
        ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
      });
    },
  };
}
