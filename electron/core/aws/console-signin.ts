// Temporary credentials → a URL that opens the AWS console signed in as them, the way AWS's
// "custom identity broker" does it: GET /federation?Action=getSigninToken&Session={json} answers
// {"SigninToken": ...}, and /federation?Action=login&...&SigninToken=... signs the browser in.
// The protocol, the partitions' hosts and the upstream sources: docs/interop-aws.md, "Console sign-in".
// The sign-in token, and so the URL, lets whoever holds it into the console for 15 minutes: it is
// returned to the caller and never logged, stored or put in an error message here.
import {
  hostOf,
  isNetworkTimeout,
  withDeadline,
  type NetworkEndpoint,
  type RequestDeadlineOptions,
} from '../net/deadline';

export type AwsPartition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** The region's partition, as botocore's endpoints.json groups them (`cn-*`, `us-gov-*`, else aws). */
export function partitionOf(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

interface PartitionHosts {
  signin: string;
  console: string;
}

const HOSTS: Record<AwsPartition, PartitionHosts> = {
  aws: { signin: 'signin.aws.amazon.com', console: 'console.aws.amazon.com' },
  'aws-us-gov': { signin: 'signin.amazonaws-us-gov.com', console: 'console.amazonaws-us-gov.com' },
  'aws-cn': { signin: 'signin.amazonaws.cn', console: 'console.amazonaws.cn' },
};

/** The sign-in hosts of every partition: the only hosts a console sign-in URL may have. */
export const SIGNIN_HOSTS: readonly string[] = Object.values(HOSTS).map((hosts) => hosts.signin);

/**
 * The federation endpoint, and the setting that chose it when one did. `Signin` is an AWS SDK
 * service (the JS SDK's nested Signin client, which `aws login` credentials use), so the shared
 * service-specific rule applies: AWS_ENDPOINT_URL_SIGNIN, then AWS_ENDPOINT_URL, unless
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true (as in electron/core/aws/sso-login/endpoints.ts).
 * A configured URL is the base: `/federation` is appended to its path.
 */
export function federationEndpoint(
  env: NodeJS.ProcessEnv,
  partition: AwsPartition,
): { url: string; endpoint: NetworkEndpoint } {
  const ignore = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true';
  const variable = ignore
    ? undefined
    : env.AWS_ENDPOINT_URL_SIGNIN
      ? 'AWS_ENDPOINT_URL_SIGNIN'
      : env.AWS_ENDPOINT_URL
        ? 'AWS_ENDPOINT_URL'
        : undefined;
  if (variable === undefined) {
    const host = HOSTS[partition].signin;
    return { url: `https://${host}/federation`, endpoint: { host } };
  }
  const base = new URL(env[variable] ?? '');
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/federation`;
  base.search = '';
  base.hash = '';
  return { url: base.href, endpoint: { host: hostOf(base.href), setting: variable } };
}

/**
 * The region a console sign-in is for, which also picks the partition: the profile's own, else
 * the environment's (AWS_REGION, AWS_DEFAULT_REGION), else its SSO region, else us-east-1.
 */
export function consoleRegion(profileRegion: string | null, ssoRegion: string | null, env: NodeJS.ProcessEnv): string {
  return profileRegion || env.AWS_REGION || env.AWS_DEFAULT_REGION || ssoRegion || 'us-east-1';
}

/** The console home of the region (docs/interop-aws.md, "Console sign-in"). */
export function defaultDestination(region: string): string {
  const host = `${region}.${HOSTS[partitionOf(region)].console}`;
  return `https://${host}/console/home?region=${encodeURIComponent(region)}`;
}

/**
 * Whether `raw` is a console page of the partition: https, no user or port, a host that is the
 * partition's console host or under it (`s3.console.aws.amazon.com`). Null when it is; else why not.
 */
export function destinationProblem(raw: string, partition: AwsPartition): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'the destination is not a URL';
  }
  const consoleHost = HOSTS[partition].console;
  if (url.protocol !== 'https:') return 'the destination must be an https URL';
  if (url.username !== '' || url.password !== '' || url.port !== '')
    return 'the destination must not name a user, password or port';
  if (url.hostname !== consoleHost && !url.hostname.endsWith(`.${consoleHost}`)) {
    return `the destination must be a page of the ${partition} console (${consoleHost})`;
  }
  return null;
}

/** Temporary credentials: the federation endpoint refuses long-term keys (no session token). */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export class ConsoleSigninError extends Error {
  override readonly name = 'ConsoleSigninError';
}

export interface SigninOptions extends RequestDeadlineOptions {
  env: NodeJS.ProcessEnv;
  region: string;
  /** A console page; default: the region's console home. */
  destination?: string | undefined;
}

/** Exchanges the credentials for a sign-in token and returns the login URL (a credential). */
export async function consoleSigninUrl(credentials: TemporaryCredentials, options: SigninOptions): Promise<string> {
  const partition = partitionOf(options.region);
  const federation = federationEndpoint(options.env, partition);
  const session = JSON.stringify({
    sessionId: credentials.accessKeyId,
    sessionKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
  });
  const tokenUrl = new URL(federation.url);
  tokenUrl.searchParams.set('Action', 'getSigninToken');
  tokenUrl.searchParams.set('Session', session);
  const signinToken = await withDeadline(federation.endpoint, options, async (signal) => {
    let response: Response;
    try {
      response = await fetch(tokenUrl, { signal, redirect: 'error', headers: { accept: 'application/json' } });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ConsoleSigninError(
        `Could not reach ${federation.endpoint.host} for a console sign-in token (${causeOf(error)}).`,
      );
    }
    const body = await response.text();
    if (!response.ok) {
      // The body is the endpoint's error page; it says nothing more useful than the status.
      throw new ConsoleSigninError(
        `${federation.endpoint.host} refused the credentials for a console sign-in token (HTTP ${response.status}).`,
      );
    }
    return signinTokenOf(body, federation.endpoint.host);
  }).catch((error: unknown) => {
    throw isNetworkTimeout(error) ? new ConsoleSigninError(error.message) : error;
  });
  const destination = options.destination ?? defaultDestination(options.region);
  const login = new URL(federation.url);
  login.searchParams.set('Action', 'login');
  login.searchParams.set('Issuer', 'cloudid');
  login.searchParams.set('Destination', destination);
  login.searchParams.set('SigninToken', signinToken);
  return login.href;
}

function signinTokenOf(body: string, host: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ConsoleSigninError(`${host} answered getSigninToken with something other than JSON.`);
  }
  const token =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).SigninToken : undefined;
  if (typeof token !== 'string' || token === '')
    throw new ConsoleSigninError(`${host} answered getSigninToken without a SigninToken.`);
  return token;
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : null;
  return code ?? (cause instanceof Error ? cause.message : String(cause));
}
