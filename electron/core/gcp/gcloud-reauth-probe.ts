// Runs the reauth probe over gcloud's user accounts and its ADC file, reading the secrets it
// needs itself so they never leave this module. Results feed readGcpState({ probes }).
import { readRegularFile } from '../fs/regular-file';
import { isJsonObject } from './credential-json';
import { gcloudConfigDir, gcloudPaths } from './gcloud-config-dir';
import { readGcloudCredentialStore } from './gcloud-credentials';
import { ADC_PROBE_KEY } from './gcp-state';
import {
  probeUserCredential,
  userCredentialFrom,
  type ProbeOptions,
  type UserCredentialProbe,
} from './user-credential-probe';

export interface ProbeGcloudOptions extends Omit<ProbeOptions, 'rapt'> {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  /** Only these accounts (e.g. the active one); default: every user account. */
  accounts?: string[];
  includeAdc?: boolean;
}

export async function probeGcloudUserCredentials(
  options: ProbeGcloudOptions,
): Promise<Map<string, UserCredentialProbe>> {
  const paths = gcloudPaths(gcloudConfigDir(options.env, options.homeDir, options.platform));
  const store = await readGcloudCredentialStore(paths.credentialsDb, paths.accessTokensDb);
  // env stays in the probe's options: it names gcloud's token-host override.
  const { homeDir: _home, platform: _platform, accounts, includeAdc = true, ...probeOptions } = options;
  const results = new Map<string, UserCredentialProbe>();
  const jobs: Promise<void>[] = [];
  for (const stored of store.credentials) {
    if (accounts && !accounts.includes(stored.account)) continue;
    const credential = stored.json ? userCredentialFrom(stored.json) : null;
    if (!credential) continue;
    const rapt = store.tokens.get(stored.account)?.raptToken ?? null;
    jobs.push(
      probeUserCredential(credential, { ...probeOptions, rapt }).then((r) => void results.set(stored.account, r)),
    );
  }
  if (includeAdc) {
    try {
      const parsed: unknown = JSON.parse((await readRegularFile(paths.adcFile)).toString('utf8'));
      const credential = isJsonObject(parsed) ? userCredentialFrom(parsed) : null;
      if (credential)
        jobs.push(probeUserCredential(credential, probeOptions).then((r) => void results.set(ADC_PROBE_KEY, r)));
    } catch {
      // No ADC file, or an unreadable one: readGcpState reports it.
    }
  }
  await Promise.all(jobs);
  return results;
}
