// `aws login` cache files for tests, in the shape the AWS CLI and the SDKs write
// (node_modules/@aws-sdk/credential-provider-login/dist-types/types.d.ts, `LoginToken`). Every
// secret here is a fake that tests look for in output, to prove it never appears.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const LOGIN_SECRETS = {
  accessKeyId: 'ASIALOGINFAKEKEY0001',
  secretAccessKey: 'login-fake-secret-access-key-0000000001',
  sessionToken: 'login-fake-session-token-value',
  refreshToken: 'login-fake-refresh-token-value',
  dpopKey: '-----BEGIN EC PRIVATE KEY-----\nbG9naW4tZmFrZS1kcG9wLWtleQ==\n-----END EC PRIVATE KEY-----\n',
} as const;

/** A JWT whose payload says when the sign-in was (`iat`, seconds); the signature is a fake. */
function fakeIdToken(signedInAt: number): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'ES256', typ: 'JWT' })}.${part({ iat: Math.floor(signedInAt / 1000), sub: 'login-fake-subject' })}.bG9naW4tZmFrZS1zaWduYXR1cmU`;
}

export interface LoginTokenSpec {
  expiresAt: string;
  accountId?: string;
  signedInAt?: number;
  refresh?: boolean;
}

export function loginToken(spec: LoginTokenSpec): Record<string, unknown> {
  const token: Record<string, unknown> = {
    accessToken: {
      accessKeyId: LOGIN_SECRETS.accessKeyId,
      secretAccessKey: LOGIN_SECRETS.secretAccessKey,
      sessionToken: LOGIN_SECRETS.sessionToken,
      accountId: spec.accountId ?? '012345678901',
      expiresAt: spec.expiresAt,
    },
    tokenType: 'aws_sigv4',
    clientId: 'arn:aws:signin:::devtools/same-device',
    idToken: fakeIdToken(spec.signedInAt ?? Date.now()),
  };
  if (spec.refresh !== false) {
    token.refreshToken = LOGIN_SECRETS.refreshToken;
    token.dpopKey = LOGIN_SECRETS.dpopKey;
  }
  return token;
}

export const loginCacheName = (session: string): string =>
  `${createHash('sha256').update(session, 'utf8').digest('hex')}.json`;

/** Writes the cache file for `session` in `dir` (JSON.stringify with 2 spaces, as the JS SDK saves it). */
export async function writeLoginToken(dir: string, session: string, token: Record<string, unknown>): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, loginCacheName(session));
  await writeFile(file, JSON.stringify(token, null, 2), { mode: 0o600 });
  return file;
}
