// Generates a large, realistic AWS home for the benchmarks: many SSO sessions with token cache
// files, SSO profiles per session, assume-role chains, static keys in the credentials file.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticGcloudDir } from '../support/gcloud-fixtures';
import { owners, writeSkyState } from '../support/sky-state-fixtures';

export interface BigHome {
  home: string;
  configFile: string;
  credentialsFile: string;
  profiles: number;
  sessions: number;
  configLines: number;
}

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');
const stamp = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

export async function makeBigHome(opts: { profiles: number; sessions: number; now?: number }): Promise<BigHome> {
  const home = await mkdtemp(join(tmpdir(), 'cloudid-bench-'));
  return { home, ...(await writeAwsFiles(home, { ...opts, now: opts.now ?? Date.now() })) };
}

/** ~/.aws/config and credentials with `profiles` profiles, and a token file per SSO session. */
async function writeAwsFiles(
  home: string,
  opts: { profiles: number; sessions: number; now: number; tokenMinutes?: (session: number) => number },
): Promise<Omit<BigHome, 'home'>> {
  const tokenMinutes = opts.tokenMinutes ?? ((s: number) => (s % 480) + 1);
  const now = opts.now;
  const aws = join(home, '.aws');
  const cache = join(aws, 'sso', 'cache');
  await mkdir(cache, { recursive: true });

  const config: string[] = ['[default]', 'region = us-east-1', 'output = json', ''];
  const credentials: string[] = [];
  for (let s = 0; s < opts.sessions; s++) {
    config.push(
      `[sso-session org-${s}]`,
      `sso_start_url = https://d-${String(9000000000 + s)}.awsapps.com/start`,
      'sso_region = us-east-1',
      'sso_registration_scopes = sso:account:access',
      '',
    );
  }
  let made = 0;
  for (let i = 0; made < opts.profiles - 1; i++, made++) {
    const account = String(100000000000 + i);
    const mod = i % 10;
    if (mod < 7) {
      config.push(
        `[profile acct-${i}.admin]`,
        `sso_session = org-${i % opts.sessions}`,
        `sso_account_id = ${account}`,
        'sso_role_name = AdministratorAccess',
        'region = eu-west-1',
        '',
      );
    } else if (mod < 9) {
      config.push(
        `[profile role-${i}]`,
        `role_arn = arn:aws:iam::${account}:role/Deploy`,
        'source_profile = default',
        '# a comment',
        '',
      );
    } else {
      credentials.push(
        `[static-${i}]`,
        'aws_access_key_id = AKIAEXAMPLE0000000000',
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        '',
      );
    }
  }
  credentials.push(
    '[default]',
    'aws_access_key_id = AKIADEFAULT000000000',
    'aws_secret_access_key = secretsecretsecret',
    '',
  );

  const configFile = join(aws, 'config');
  const credentialsFile = join(aws, 'credentials');
  await writeFile(configFile, config.join('\n'));
  await writeFile(credentialsFile, credentials.join('\n'), { mode: 0o600 });
  await Promise.all(
    Array.from({ length: opts.sessions }, (_, s) =>
      writeFile(
        join(cache, `${sha1(`org-${s}`)}.json`),
        JSON.stringify({
          startUrl: `https://d-${String(9000000000 + s)}.awsapps.com/start`,
          region: 'us-east-1',
          accessToken: 'bench-token',
          expiresAt: stamp(new Date(now + tokenMinutes(s) * 60_000)),
          clientId: 'client',
          clientSecret: 'secret',
          registrationExpiresAt: stamp(new Date(now + 30 * 86_400_000)),
          refreshToken: 'refresh',
        }),
        { mode: 0o600 },
      ),
    ),
  );
  return {
    configFile,
    credentialsFile,
    profiles: opts.profiles,
    sessions: opts.sessions,
    configLines: config.length,
  };
}

export interface TypicalHome {
  home: string;
  /** gcloud's folder inside it (~/.config/gcloud, found without CLOUDSDK_CONFIG). */
  gcloudDir: string;
}

/**
 * A typical developer's home: 20 AWS profiles over 3 SSO sessions (each with a token file), a
 * few role and static-key profiles; gcloud with 3 accounts and 2 configurations; a SkyPilot
 * state.db with clusters owned by those identities. No kubeconfig.
 */
export async function makeTypicalHome(now = Date.now()): Promise<TypicalHome> {
  const home = await mkdtemp(join(tmpdir(), 'cloudid-bench-home-'));
  // Tokens last hours, so what cloudid remembers stays good through the benchmark.
  await writeAwsFiles(home, { profiles: 20, sessions: 3, now, tokenMinutes: (s) => (s + 2) * 60 });
  const gcloudDir = join(home, '.config', 'gcloud');
  await mkdir(gcloudDir, { recursive: true });
  await writeSyntheticGcloudDir(gcloudDir, 2, 3, new Date(now));
  await writeSkyState(home, {
    schema: 'v0.12-infra-columns',
    rows: [
      {
        name: 'train-a100',
        status: 'UP',
        launched_at: Math.floor(now / 1000) - 3_600,
        owner: owners.aws('AIDAEXAMPLE000000001', '100000000000'),
      },
      {
        name: 'notebook',
        status: 'STOPPED',
        launched_at: Math.floor(now / 1000) - 86_400,
        owner: owners.gcp('user1@example.com', 'project-0'),
      },
      { name: 'eval-old', status: 'INIT', launched_at: null, owner: null },
    ],
  });
  return { home, gcloudDir };
}
