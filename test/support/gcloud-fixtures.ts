// Test fixtures for GCP: real RSA service-account keys, the files users drop by mistake, and a
// way to run the real gcloud in a throwaway configuration directory.
import { execFile } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export interface ServiceAccountKeyJson {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: string;
}

// RSA key generation costs tens of milliseconds; tests reuse a small pool.
const keyPool: string[] = [];

export function rsaPrivateKeyPem(index = 0, format: 'pkcs8' | 'pkcs1' = 'pkcs8'): string {
  while (keyPool.length <= index) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keyPool.push(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  const pem = keyPool[index] ?? '';
  if (format === 'pkcs8') return pem;
  return createPrivateKey(pem).export({ type: 'pkcs1', format: 'pem' }).toString();
}

export function serviceAccountKey(
  overrides: Partial<ServiceAccountKeyJson> & { keyIndex?: number } = {},
): ServiceAccountKeyJson {
  const { keyIndex = 0, ...fields } = overrides;
  const project = fields.project_id ?? 'demo-project';
  const name = 'deployer';
  const email = fields.client_email ?? `${name}@${project}.iam.gserviceaccount.com`;
  return {
    type: 'service_account',
    project_id: project,
    private_key_id: randomBytes(20).toString('hex'),
    private_key: rsaPrivateKeyPem(keyIndex),
    client_email: email,
    client_id: String(100000000000000000000n + BigInt(randomBytes(4).readUInt32BE())),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
    universe_domain: 'googleapis.com',
    ...fields,
  };
}

export function authorizedUserJson(refreshToken = '1//refresh-token', tokenUri?: string): Record<string, unknown> {
  return {
    type: 'authorized_user',
    client_id: '764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com',
    client_secret: 'd-FL95Q19q7MQmFpd7hHD0Ty',
    refresh_token: refreshToken,
    ...(tokenUri ? { token_uri: tokenUri } : {}),
    universe_domain: 'googleapis.com',
  };
}

/** One of each kind of file a user drops by mistake, as bytes. */
export function wrongFiles(): Record<string, Buffer> {
  const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, null, 2));
  const valid = JSON.stringify(serviceAccountKey(), null, 2);
  return {
    'client_secret.json': json({
      installed: { client_id: 'x.apps.googleusercontent.com', client_secret: 's', redirect_uris: ['http://localhost'] },
    }),
    'web_client.json': json({ web: { client_id: 'x.apps.googleusercontent.com', client_secret: 's' } }),
    'adc_user.json': json(authorizedUserJson()),
    'workload_identity.json': json({
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: 'https://sts.googleapis.com/v1/token',
      credential_source: { executable: { command: '/bin/touch /tmp/cloudid-should-never-run', timeout_millis: 5000 } },
    }),
    'impersonated.json': json({
      type: 'impersonated_service_account',
      service_account_impersonation_url:
        'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/target@p.iam.gserviceaccount.com:generateAccessToken',
      source_credentials: authorizedUserJson(),
    }),
    'key.p12': Buffer.concat([Buffer.from([0x30, 0x82, 0x09, 0xd4, 0x02, 0x01, 0x03, 0x30]), randomBytes(2000)]),
    'truncated.json': Buffer.from(valid.slice(0, Math.floor(valid.length / 2))),
    'huge.json': Buffer.alloc(1024 * 1024 + 10, 0x20),
    'binary.json': Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x7d]),
  };
}

export async function tempDir(prefix = 'cloudid-gcp-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeJson(path: string, value: unknown): Promise<string> {
  await writeFile(path, JSON.stringify(value, null, 2), { mode: 0o600 });
  return path;
}

export interface GcloudResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real gcloud against `configDir`, never the user's own, with no prompts. */
export function runGcloud(args: string[], configDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<GcloudResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: configDir,
    CLOUDSDK_CONFIG: configDir,
    CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
    CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: '1',
    CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
    ...extraEnv,
  };
  return new Promise((resolve) => {
    execFile('gcloud', args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// --- Synthetic gcloud directories, written with the same schema gcloud 528 uses. ---

export interface SyntheticAccount {
  account: string;
  credential: Record<string, unknown> | string;
  /** Naive UTC text as gcloud writes it, e.g. `2026-11-26 05:09:15.537051`. */
  tokenExpiry?: string | null;
  raptToken?: string | null;
}

/** Both files, built in memory with node:sqlite and written whole, as gcloud leaves them (0600). */
export async function writeGcloudDatabases(configDir: string, accounts: SyntheticAccount[]): Promise<void> {
  const creds = new DatabaseSync(':memory:');
  creds.exec('CREATE TABLE "credentials" (account_id TEXT PRIMARY KEY, value BLOB)');
  const tokens = new DatabaseSync(':memory:');
  tokens.exec(
    'CREATE TABLE "access_tokens" (account_id TEXT PRIMARY KEY, access_token TEXT, token_expiry TIMESTAMP, rapt_token TEXT, id_token TEXT)',
  );
  const insertCredential = creds.prepare('INSERT INTO credentials VALUES (?, ?)');
  const insertToken = tokens.prepare('INSERT INTO access_tokens VALUES (?, ?, ?, ?, NULL)');
  for (const a of accounts) {
    const value = typeof a.credential === 'string' ? a.credential : JSON.stringify(a.credential, null, 2);
    insertCredential.run(a.account, value);
    if (a.tokenExpiry !== undefined) {
      insertToken.run(a.account, `ya29.${randomBytes(8).toString('hex')}`, a.tokenExpiry, a.raptToken ?? null);
    }
  }
  await writeFile(join(configDir, 'credentials.db'), creds.serialize(), { mode: 0o600 });
  await writeFile(join(configDir, 'access_tokens.db'), tokens.serialize(), { mode: 0o600 });
  creds.close();
  tokens.close();
}

export async function writeConfiguration(configDir: string, name: string, text: string): Promise<void> {
  await mkdir(join(configDir, 'configurations'), { recursive: true });
  await writeFile(join(configDir, 'configurations', `config_${name}`), text);
}

/** Naive UTC text the way Python's str(datetime) prints it. */
export function gcloudExpiry(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}.${String(date.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
}

/** A directory like gcloud's after a few logins: `configurations` configurations, `accounts` accounts. */
export async function writeSyntheticGcloudDir(
  configDir: string,
  configurations: number,
  accounts: number,
  now = new Date(),
): Promise<void> {
  const rows: SyntheticAccount[] = [];
  for (let i = 0; i < accounts; i++) {
    const expiry = gcloudExpiry(new Date(now.getTime() + (i - 5) * 600_000));
    if (i % 2 === 0) {
      const key = serviceAccountKey({
        project_id: `project-${i}`,
        client_email: `sa-${i}@project-${i}.iam.gserviceaccount.com`,
      });
      rows.push({ account: key.client_email, credential: { ...key }, tokenExpiry: expiry });
    } else {
      rows.push({
        account: `user${i}@example.com`,
        credential: { ...authorizedUserJson(`1//rt-${i}`), type: 'authorized_user' },
        tokenExpiry: expiry,
        raptToken: i % 3 === 0 ? `rapt-${i}` : null,
      });
    }
  }
  await writeGcloudDatabases(configDir, rows);
  for (let c = 0; c < configurations; c++) {
    const name = c === 0 ? 'default' : `config-${c}`;
    const account = rows[c % Math.max(rows.length, 1)]?.account ?? '';
    await writeConfiguration(
      configDir,
      name,
      `[core]\naccount = ${account}\nproject = project-${c}\n\n[compute]\nregion = us-central1\nzone = us-central1-${'abcf'[c % 4]}\n`,
    );
  }
  await writeFile(join(configDir, 'active_config'), 'default');
}
