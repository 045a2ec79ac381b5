// Temporary credentials for a profile, for the console sign-in (console-signin.ts). The AWS SDK's
// own chain resolves the profile as every SDK-based tool would (SSO role credentials through the
// portal, assume-role, `aws login`, credential_process, web identity, static keys), as the
// verifier does (identity-verifier.ts). The federation endpoint accepts only temporary
// credentials, so long-term IAM user keys go through STS GetFederationToken first, as aws-vault's
// `login` does (docs/interop-aws.md, "Console sign-in").
import { classifyIdentityError } from './identity-errors';
import { awsFilesFor, stsEndpointFor } from './identity-verifier';
import type { TemporaryCredentials } from './console-signin';
import { ConsoleSigninError } from './console-signin';
import {
  DEFAULT_REQUEST_DEADLINE_MS,
  hostOf,
  isNetworkTimeout,
  sdkRequestHandlerOptions,
  withDeadline,
  type NetworkEndpoint,
  type RequestDeadlineOptions,
} from '../net/deadline';

export interface ConsoleCredentialOptions extends RequestDeadlineOptions {
  env: NodeJS.ProcessEnv;
  profile: string;
  /** The region to ask STS in (the profile's own). */
  region: string;
}

/**
 * A federated session can do nothing its session policy does not allow; with this one it can do
 * what the IAM user can (the intersection of the two), as aws-vault's `allowAllIAMPolicy`.
 */
const ALLOW_ALL_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});
/** One hour, aws-vault's default for `login`; the console session lasts as long. */
const FEDERATION_SECONDS = 3600;

function stsEndpoint(env: NodeJS.ProcessEnv, region: string): NetworkEndpoint {
  const configured = stsEndpointFor(env);
  if (configured)
    return {
      host: hostOf(configured),
      setting: env.AWS_ENDPOINT_URL_STS ? 'AWS_ENDPOINT_URL_STS' : 'AWS_ENDPOINT_URL',
    };
  return { host: `sts.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}` };
}

/** The name GetFederationToken takes (2 to 32 of `[\w+=,.@-]`): the IAM user's name, else "cloudid". */
export function federatedUserName(callerArn: string): string {
  const last = callerArn.split(/[/:]/).pop() ?? '';
  const name = last.replace(/[^\w+=,.@-]/g, '').slice(0, 32);
  return name.length >= 2 ? name : 'cloudid';
}

/** Credentials the federation endpoint accepts, for `profile`; throws ConsoleSigninError with one sentence. */
export async function consoleCredentials(options: ConsoleCredentialOptions): Promise<TemporaryCredentials> {
  const { env, profile, region } = options;
  const [sts, { fromIni }] = await Promise.all([
    import('@aws-sdk/client-sts'),
    import('@aws-sdk/credential-providers'),
  ]);
  const files = awsFilesFor(env);
  const configured = stsEndpointFor(env);
  const endpointConfig = configured ? { endpoint: configured } : {};
  const requestHandler = sdkRequestHandlerOptions(options);
  const endpoint = stsEndpoint(env, region);
  const fail = (error: unknown): never => {
    if (isNetworkTimeout(error)) throw new ConsoleSigninError(error.message);
    const classified = classifyIdentityError(error, {
      profile,
      profileExists: null,
      timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_DEADLINE_MS,
      endpoint,
    });
    throw new ConsoleSigninError(classified.message);
  };

  const provider = fromIni({
    profile,
    ignoreCache: true,
    filepath: files.credentialsFile,
    configFilepath: files.configFile,
    clientConfig: { requestHandler },
    ...(configured
      ? {
          roleAssumer: sts.getDefaultRoleAssumer({ ...endpointConfig, region, requestHandler }),
          roleAssumerWithWebIdentity: sts.getDefaultRoleAssumerWithWebIdentity({
            ...endpointConfig,
            region,
            requestHandler,
          }),
        }
      : {}),
  });
  const resolved = await withDeadline(endpoint, options, () => provider()).catch(fail);
  if (resolved.sessionToken) {
    return {
      accessKeyId: resolved.accessKeyId,
      secretAccessKey: resolved.secretAccessKey,
      sessionToken: resolved.sessionToken,
    };
  }

  // Long-term keys: an IAM user's (or the root user's). GetFederationToken names the session.
  const client = new sts.STSClient({ region, credentials: resolved, requestHandler, ...endpointConfig });
  try {
    const caller = await withDeadline(endpoint, options, (signal) =>
      client.send(new sts.GetCallerIdentityCommand({}), { abortSignal: signal }),
    ).catch(fail);
    const answer = await withDeadline(endpoint, options, (signal) =>
      client.send(
        new sts.GetFederationTokenCommand({
          Name: federatedUserName(caller.Arn ?? ''),
          Policy: ALLOW_ALL_POLICY,
          DurationSeconds: FEDERATION_SECONDS,
        }),
        { abortSignal: signal },
      ),
    ).catch(fail);
    const issued = answer.Credentials;
    if (!issued?.AccessKeyId || !issued.SecretAccessKey || !issued.SessionToken) {
      throw new ConsoleSigninError(`STS answered GetFederationToken for profile ${profile} without credentials.`);
    }
    return {
      accessKeyId: issued.AccessKeyId,
      secretAccessKey: issued.SecretAccessKey,
      sessionToken: issued.SessionToken,
    };
  } finally {
    client.destroy();
  }
}
