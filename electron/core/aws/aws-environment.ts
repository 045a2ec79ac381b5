// Where the AWS tools look for their files, and which profile each of them would use.
// The CLI v2, botocore and the JS SDK disagree on the active profile (docs/interop-aws.md, "Files
// and environment"); we show the CLI's answer and say when the others differ.
import { isAbsolute, join, resolve } from 'node:path';
import type { ActiveProfileSource, Problem } from '../../shared/model';

export interface AwsPaths {
  configFile: string;
  credentialsFile: string;
  /** Shared SSO token cache (always under the home directory, whatever AWS_CONFIG_FILE says). */
  ssoCacheDir: string;
  /** The AWS CLI's role-credential cache. */
  cliCacheDir: string;
}

/** `~/x` and relative paths resolved as botocore (os.path.expanduser) and the JS SDK do. */
export function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homeDir, path.slice(2));
  return isAbsolute(path) ? path : resolve(path);
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value : undefined);

export function resolveAwsPaths(env: NodeJS.ProcessEnv, homeDir: string): AwsPaths {
  const awsDir = join(homeDir, '.aws');
  const configVar = nonEmpty(env.AWS_CONFIG_FILE);
  const credentialsVar = nonEmpty(env.AWS_SHARED_CREDENTIALS_FILE);
  return {
    configFile: configVar ? expandHome(configVar, homeDir) : join(awsDir, 'config'),
    credentialsFile: credentialsVar ? expandHome(credentialsVar, homeDir) : join(awsDir, 'credentials'),
    ssoCacheDir: join(awsDir, 'sso', 'cache'),
    cliCacheDir: join(awsDir, 'cli', 'cache'),
  };
}

export interface ActiveProfile {
  name: string;
  source: ActiveProfileSource;
  /** Where botocore (SkyPilot) or the JS SDK would use another profile. */
  notes: string[];
}

/**
 * AWS CLI v2: AWS_PROFILE, then AWS_DEFAULT_PROFILE, else `default`.
 * botocore: AWS_DEFAULT_PROFILE first, then AWS_PROFILE.
 * JS SDK v3: AWS_PROFILE only.
 */
export function resolveActiveProfile(env: NodeJS.ProcessEnv): ActiveProfile {
  const profileVar = nonEmpty(env.AWS_PROFILE);
  const defaultVar = nonEmpty(env.AWS_DEFAULT_PROFILE);
  const cli: ActiveProfile = profileVar
    ? { name: profileVar, source: 'AWS_PROFILE', notes: [] }
    : defaultVar
      ? { name: defaultVar, source: 'AWS_DEFAULT_PROFILE', notes: [] }
      : { name: 'default', source: 'default', notes: [] };

  const botocore = defaultVar ?? profileVar ?? 'default';
  const jsSdk = profileVar ?? 'default';
  if (botocore !== cli.name) {
    cli.notes.push(
      `botocore (used by SkyPilot and boto3) reads AWS_DEFAULT_PROFILE first, so it uses profile "${botocore}", not "${cli.name}".`,
    );
  }
  if (jsSdk !== cli.name) {
    cli.notes.push(
      `The AWS SDK for JavaScript reads only AWS_PROFILE, so it uses profile "${jsSdk}", not "${cli.name}".`,
    );
  }
  return cli;
}

/**
 * A file variable set to nothing: the JS SDK (and so this app) falls back to the default file,
 * but botocore takes the empty path as the file, finds none, and reads nothing: the AWS CLI and
 * SkyPilot then see no profile from it at all.
 */
export function emptyFileVariables(env: NodeJS.ProcessEnv, homeDir: string): Problem[] {
  const problems: Problem[] = [];
  const defaults = {
    AWS_CONFIG_FILE: join(homeDir, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(homeDir, '.aws', 'credentials'),
  };
  for (const [name, fallback] of Object.entries(defaults)) {
    const value = env[name];
    if (value === undefined || value.trim() !== '') continue;
    problems.push({
      severity: 'warning',
      message: `${name} is set but empty: the AWS CLI and botocore (SkyPilot) then read no ${name === 'AWS_CONFIG_FILE' ? 'config' : 'credentials'} file at all, while the AWS SDK for JavaScript and this app read ${fallback}. Unset it (\`unset ${name}\`) or give it a path.`,
    });
  }
  return problems;
}
