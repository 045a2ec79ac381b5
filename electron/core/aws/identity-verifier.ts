// Who is this profile, really? STS GetCallerIdentity with the credentials the AWS SDK's own chain
// resolves for the profile (static keys, assume-role, SSO, credential_process, web identity), so
// the answer is what any SDK-based tool, SkyPilot included, would get.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IdentityCheck } from '../../shared/model';
import { classifyIdentityError, IdentityCheckTimeout, type IdentityCheckError } from './identity-errors';
import { isErrno } from '../fs/errno';
import { hostOf, sdkRequestHandlerOptions, type NetworkEndpoint } from '../net/deadline';

export interface IdentityVerifierOptions {
  env: NodeJS.ProcessEnv;
  /** Per profile, covering credential resolution and the STS call; default 10 s. */
  timeoutMs?: number;
  /** verifyAll's limit on profiles checked at once; default 6. */
  concurrency?: number;
  now?: () => Date;
}

/** A profile to check, with the region to ask STS in (its own `region`, when it has one). */
export type ProfileToVerify = string | { profile: string; region?: string | null };

export interface IdentityVerifier {
  verify(profile: string, region?: string | null): Promise<IdentityCheck>;
  /** One result per distinct profile, in the order given; never rejects. */
  verifyAll(
    profiles: readonly ProfileToVerify[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<IdentityCheck[]>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CONCURRENCY = 6;
/** STS's global endpoint lives in us-east-1; every commercial account can call it there. */
const DEFAULT_STS_REGION = 'us-east-1';

interface AwsFiles {
  configFile: string;
  credentialsFile: string;
}

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || env.USERPROFILE || os.homedir();
}

function expandHome(file: string, home: string): string {
  return file === '~' || file.startsWith('~/') || file.startsWith('~\\') ? path.join(home, file.slice(1)) : file;
}

/** The files the CLI and SDKs read: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws. */
export function awsFilesFor(env: NodeJS.ProcessEnv): AwsFiles {
  const home = homeOf(env);
  return {
    configFile: expandHome(env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'), home),
    credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'), home),
  };
}

/**
 * The STS endpoint the environment asks for. The SDK would read these variables only from
 * process.env, so they are passed explicitly. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS turns them off.
 */
export function stsEndpointFor(env: NodeJS.ProcessEnv): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
  return env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL || undefined;
}

/** Who a check asks, for a timeout's message: the configured STS, else the regional one. */
function stsNetworkEndpoint(env: NodeJS.ProcessEnv, region: string): NetworkEndpoint {
  const configured = stsEndpointFor(env);
  if (configured)
    return {
      host: hostOf(configured),
      setting: env.AWS_ENDPOINT_URL_STS ? 'AWS_ENDPOINT_URL_STS' : 'AWS_ENDPOINT_URL',
    };
  return { host: `sts.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}` };
}

/**
 * Whether the profile has a section, the way the JS SDK reads the files: `[default]` or
 * `[profile NAME]` in config, `[NAME]` in credentials. Only asked when the SDK found nothing.
 */
async function profileSectionExists(profile: string, files: AwsFiles): Promise<boolean | null> {
  const sections = async (file: string, inConfig: boolean): Promise<string[] | null> => {
    try {
      const text = await readFile(file, 'utf8');
      return [...text.matchAll(/^[ \t]*\[([^\]\r\n]*)\][ \t]*(?:[#;].*)?$/gm)].flatMap((m) => {
        const header = (m[1] ?? '').trim();
        if (!inConfig) return [header];
        const named = /^profile\s+(.+)$/.exec(header);
        return named?.[1] ? [named[1].trim()] : header === 'default' ? ['default'] : [];
      });
    } catch (error) {
      return isErrno(error, 'ENOENT') ? [] : null;
    }
  };
  const [config, credentials] = await Promise.all([
    sections(files.configFile, true),
    sections(files.credentialsFile, false),
  ]);
  if (config === null || credentials === null) return null;
  return config.includes(profile) || credentials.includes(profile);
}

export function createIdentityVerifier(opts: IdentityVerifierOptions): IdentityVerifier {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? DEFAULT_CONCURRENCY));
  const now = opts.now ?? (() => new Date());
  const files = awsFilesFor(opts.env);
  const endpoint = stsEndpointFor(opts.env);

  async function callerIdentity(
    profile: string,
    region: string,
    signal: AbortSignal,
  ): Promise<IdentityCheck['identity']> {
    // Loaded here, not at the top: a status that calls no service must not pay for the SDK.
    const [
      { STSClient, GetCallerIdentityCommand, getDefaultRoleAssumer, getDefaultRoleAssumerWithWebIdentity },
      { fromIni },
    ] = await Promise.all([import('@aws-sdk/client-sts'), import('@aws-sdk/credential-providers')]);
    // An attempt that outlives the deadline fails rather than only logging the SDK's warning.
    const requestHandler = sdkRequestHandlerOptions({ requestTimeoutMs: timeoutMs });
    const endpointConfig = endpoint ? { endpoint } : {};
    const credentials = fromIni({
      profile,
      ignoreCache: true,
      filepath: files.credentialsFile,
      configFilepath: files.configFile,
      // The SDK's nested clients (the SSO portal's GetRoleCredentials, the default role assumers)
      // cannot be aborted from here: their own handler ends a silent request, so no socket stays
      // open after the deadline (an open one keeps `cloudid status --verify` from exiting).
      clientConfig: { requestHandler },
      // The SDK's own role assumers, pointed at the same STS as the check itself.
      ...(endpoint
        ? {
            roleAssumer: getDefaultRoleAssumer({ ...endpointConfig, region, requestHandler }),
            roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity({
              ...endpointConfig,
              region,
              requestHandler,
            }),
          }
        : {}),
    });
    const client = new STSClient({ region, credentials, requestHandler, ...endpointConfig });
    try {
      const answer = await client.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
      if (!answer.Account || !answer.Arn || !answer.UserId)
        throw new Error('STS answered GetCallerIdentity without Account, Arn or UserId');
      return { account: answer.Account, arn: answer.Arn, userId: answer.UserId };
    } finally {
      client.destroy();
    }
  }

  async function verify(profile: string, region?: string | null): Promise<IdentityCheck> {
    const stsRegion = region || opts.env.AWS_REGION || opts.env.AWS_DEFAULT_REGION || DEFAULT_STS_REGION;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new IdentityCheckTimeout(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    const attempt = callerIdentity(profile, stsRegion, abort.signal);
    // Credential resolution cannot be aborted everywhere; when the deadline wins, its late failure is moot.
    attempt.catch(() => undefined);
    try {
      const identity = await Promise.race([attempt, deadline]);
      return { profile, checkedAt: now().toISOString(), identity, error: null };
    } catch (error) {
      const profileExists = await profileSectionExists(profile, files).catch(() => null);
      const classified = classifyIdentityError(error, {
        profile,
        profileExists,
        timeoutMs,
        endpoint: stsNetworkEndpoint(opts.env, stsRegion),
      });
      return {
        profile,
        checkedAt: now().toISOString(),
        identity: null,
        error: explainSdkFileMismatch(error, classified, profileExists),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The SDK's SSO leg re-reads the config from the process's own AWS_CONFIG_FILE or HOME (fromIni
   * does not pass its file paths to fromSSO), and the token cache is always under the process's
   * HOME. When those differ from this verifier's env, say so instead of "profile not found".
   */
  function explainSdkFileMismatch(
    error: unknown,
    classified: IdentityCheckError,
    profileExists: boolean | null,
  ): IdentityCheckError {
    const message = error instanceof Error ? error.message : '';
    const processFiles = awsFilesFor(process.env);
    if (
      !profileExists ||
      !/^Profile \S+ was not found\.$/.test(message) ||
      processFiles.configFile === files.configFile
    )
      return classified;
    return {
      kind: 'config',
      message:
        `The AWS SDK reads SSO settings from ${processFiles.configFile} and the SSO token cache under the process's HOME, ` +
        `not from ${files.configFile}: run with HOME and AWS_CONFIG_FILE set to the files to check.`,
    };
  }

  async function verifyAll(
    profiles: readonly ProfileToVerify[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<IdentityCheck[]> {
    const byName = new Map<string, string | null>();
    for (const entry of profiles) {
      const name = typeof entry === 'string' ? entry : entry.profile;
      if (!byName.has(name)) byName.set(name, typeof entry === 'string' ? null : (entry.region ?? null));
    }
    const queue = [...byName];
    const results = new Array<IdentityCheck>(queue.length);
    let next = 0;
    let done = 0;
    const report = (): void => {
      try {
        onProgress?.(done, queue.length);
      } catch {
        // A listener's failure is not the check's failure.
      }
    };
    const worker = async (): Promise<void> => {
      while (next < queue.length) {
        const index = next++;
        const [name, region] = queue[index] ?? ['', null];
        results[index] = await verify(name, region);
        done += 1;
        report();
      }
    };
    report();
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return results;
  }

  return { verify, verifyAll };
}
