// gcloud's state at a glance, read from its files (never by running gcloud: each call costs 1-4 s).
// The shape is what `cloudid status --json` prints under `gcp` and what the tray shows. Metadata
// only: no private key, refresh token or access token ever leaves this module.
import { isAbsolute, resolve } from 'node:path';
import type {
  GcpAccount,
  GcpAccountStatus,
  GcpAdc,
  GcpApplicationCredentials,
  GcpImportedKey,
  GcpState,
} from '../../shared/gcp-model';
import type { Problem } from '../../shared/model';
import { gcloudLoginCommand } from '../../shared/shell-commands';
import { compareText } from '../../shared/compare-text';
import { isJsonObject, summarizeCredential, type CredentialSummary } from './credential-json';
import { gcloudConfigDir, gcloudPaths } from './gcloud-config-dir';
import { readGcloudConfigurations } from './gcloud-configurations';
import { readGcloudCredentialStore, type GcloudAccessToken, type GcloudStoredCredential } from './gcloud-credentials';
import { readKeyMetadata } from './key-metadata-file';
import { storedKeyPath } from './key-paths';
import { parseServiceAccountKey } from './service-account-key';
import type { UserCredentialProbe } from './user-credential-probe';

export type { GcpAccount, GcpAdc, GcpState } from '../../shared/gcp-model';
import { errnoCode } from '../fs/errno';
import { NotRegularFileError, readRegularFile } from '../fs/regular-file';

export interface ReadGcpStateOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
  now: Date;
  /** How long before a non-renewable token's expiry it counts as expiring (default 15). */
  leadTimeMinutes?: number;
  /** The app's data folder, for imported keys; omitted: `keys` is empty. */
  appDataDir?: string;
  /** Results of the reauth probe, by account; `adc` for the ADC file. Omitted: no network facts. */
  probes?: ReadonlyMap<string, UserCredentialProbe>;
}

export const ADC_PROBE_KEY = 'adc';

function statusFromProbe(probe: UserCredentialProbe | undefined): GcpAccountStatus | null {
  if (!probe) return null;
  if (probe.status === 'reauth-needed') return 'reauth-needed';
  if (probe.status === 'revoked') return 'revoked';
  // Google could not be asked (unreachable, an odd answer): not checked is never `valid`.
  if (probe.status === 'error') return 'unknown';
  return null;
}

/** The problem that says why a probed credential is `unknown`. */
function probeProblem(who: string, probe: UserCredentialProbe | undefined): Problem[] {
  return probe?.status === 'error' ? [{ severity: 'warning', message: `${who}: ${probe.message}; not checked` }] : [];
}

/** Can this credential mint new access tokens by itself (so an expired cached token is harmless)? */
function renewable(credential: GcloudStoredCredential['json'], summary: CredentialSummary): boolean {
  if (!credential) return false;
  switch (summary.kind) {
    case 'service_account':
      return typeof credential.private_key === 'string';
    case 'authorized_user':
    case 'external_account_authorized_user':
      return typeof credential.refresh_token === 'string';
    case 'external_account':
    case 'impersonated_service_account':
      return true;
    default:
      return false;
  }
}

function byExpiry(token: GcloudAccessToken | undefined, now: Date, leadMs: number): GcpAccountStatus {
  if (!token?.expiresAt) return 'unknown';
  const left = Date.parse(token.expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  return left <= leadMs ? 'expiring' : 'valid';
}

// A renewable credential is `valid` whatever its cached token's age: gcloud renews the token on
// the next call, so calling it expired would be noise. Only credentials that cannot renew (or
// that the probe found dead) carry an expiry-based or failure status.
function accountStatus(
  stored: GcloudStoredCredential,
  token: GcloudAccessToken | undefined,
  now: Date,
  leadMs: number,
  probe: UserCredentialProbe | undefined,
): GcpAccountStatus {
  if (!stored.json || !stored.summary) return 'error';
  const probed = statusFromProbe(probe);
  if (probed) return probed;
  if (stored.summary.kind === 'unknown') return byExpiry(token, now, leadMs) === 'valid' ? 'valid' : 'unknown';
  if (renewable(stored.json, stored.summary)) return 'valid';
  return byExpiry(token, now, leadMs);
}

async function readJsonFile(
  path: string,
): Promise<{ json: Record<string, unknown>; bytes: Buffer } | { missing: true } | { problem: string }> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (error) {
    if (error instanceof NotRegularFileError) return { problem: `is ${error.kind}, not a regular file` };
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    return { problem: `cannot be read (${code ?? String(error)})` };
  }
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    return isJsonObject(parsed) ? { json: parsed, bytes } : { problem: 'is not a JSON object' };
  } catch {
    return { problem: 'is not valid JSON' };
  }
}

async function readAdc(
  path: string,
  probe: UserCredentialProbe | undefined,
  problems: Problem[],
): Promise<GcpAdc | null> {
  const read = await readJsonFile(path);
  if ('missing' in read) return null;
  if ('problem' in read) {
    problems.push({
      severity: 'error',
      message: `The application default credentials file ${read.problem}`,
      file: path,
    });
    return { path, type: null, account: null, status: 'error' };
  }
  const summary = summarizeCredential(read.json);
  let status: GcpAccountStatus = statusFromProbe(probe) ?? (renewable(read.json, summary) ? 'valid' : 'unknown');
  if (summary.kind === 'service_account') {
    const key = parseServiceAccountKey(read.bytes, path);
    if (!key.ok) {
      status = 'error';
      problems.push({
        severity: 'error',
        message: `The application default credentials key is not usable: ${key.message}`,
        file: path,
      });
    }
  }
  return { path, type: summary.type, account: summary.account, status };
}

async function readGoogleApplicationCredentials(env: NodeJS.ProcessEnv): Promise<GcpApplicationCredentials | null> {
  const value = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (value === undefined || value === '') return null;
  const path = isAbsolute(value) ? value : resolve(value);
  const read = await readJsonFile(path);
  if ('missing' in read)
    return {
      path,
      valid: false,
      account: null,
      project: null,
      problem: `GOOGLE_APPLICATION_CREDENTIALS points to ${path}, which does not exist`,
    };
  if ('problem' in read)
    return {
      path,
      valid: false,
      account: null,
      project: null,
      problem: `GOOGLE_APPLICATION_CREDENTIALS points to a file that ${read.problem}`,
    };
  const summary = summarizeCredential(read.json);
  if (summary.kind === 'service_account') {
    const key = parseServiceAccountKey(read.bytes, path);
    if (!key.ok)
      return { path, valid: false, account: summary.account, project: summary.project, problem: key.message };
    return { path, valid: true, account: key.secret.key.clientEmail, project: key.secret.key.projectId, problem: null };
  }
  if (summary.kind === 'unknown' || summary.kind === 'oauth_client_secret') {
    return {
      path,
      valid: false,
      account: null,
      project: null,
      problem: 'GOOGLE_APPLICATION_CREDENTIALS points to a JSON file that is not a Google credential',
    };
  }
  return { path, valid: true, account: summary.account, project: summary.project, problem: null };
}

export async function readGcpState(options: ReadGcpStateOptions): Promise<GcpState> {
  const { env, homeDir, platform, now } = options;
  const leadMs = (options.leadTimeMinutes ?? 15) * 60_000;
  const configDir = gcloudConfigDir(env, homeDir, platform);
  const paths = gcloudPaths(configDir);
  const adcProblems: Problem[] = [];
  const [configs, store, adc, gac, keyMeta] = await Promise.all([
    readGcloudConfigurations(configDir, env),
    readGcloudCredentialStore(paths.credentialsDb, paths.accessTokensDb),
    readAdc(paths.adcFile, options.probes?.get(ADC_PROBE_KEY), adcProblems),
    readGoogleApplicationCredentials(env),
    options.appDataDir ? readKeyMetadata(options.appDataDir) : Promise.resolve({ keys: [], problems: [] }),
  ]);
  const problems: Problem[] = [...configs.problems, ...store.problems, ...adcProblems, ...keyMeta.problems];
  for (const stored of store.credentials)
    problems.push(...probeProblem(`gcloud account ${stored.account}`, options.probes?.get(stored.account)));
  if (adc) problems.push(...probeProblem('Application default credentials', options.probes?.get(ADC_PROBE_KEY)));
  const accounts = store.credentials
    .map((stored): GcpAccount => {
      const token = store.tokens.get(stored.account);
      return {
        account: stored.account,
        type: stored.summary?.type ?? null,
        tokenExpiresAt: token?.expiresAt ?? null,
        status: accountStatus(stored, token, now, leadMs, options.probes?.get(stored.account)),
      };
    })
    .sort((a, b) => compareText(a.account, b.account));
  const active = configs.configurations.find((c) => c.active);
  if (active?.account && !accounts.some((a) => a.account === active.account) && store.problems.length === 0) {
    problems.push({
      severity: 'warning',
      message: `The active configuration uses ${active.account}, but gcloud holds no credential for it; run \`${gcloudLoginCommand(active.account)}\` or activate its key`,
    });
  }
  const appDataDir = options.appDataDir;
  const keys = appDataDir
    ? keyMeta.keys.map((k): GcpImportedKey => ({ ...k, path: storedKeyPath(appDataDir, k.keyId) }))
    : [];
  return {
    configDir,
    activeConfiguration: configs.activeConfiguration,
    configurations: configs.configurations,
    accounts,
    adc,
    googleApplicationCredentials: gac,
    keys,
    overrides: configs.overrides,
    problems,
  };
}
