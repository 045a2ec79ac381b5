// Writes the SSO token cache file the way `aws sso login` does, so the CLI, botocore (SkyPilot)
// and the JS SDK all accept it: same path and name, the same fields in the same order,
// UTC timestamps without milliseconds, Python's json.dumps layout, mode 0600. Unlike the CLI,
// the write is atomic (temp file + fsync + rename).
// https://github.com/aws/aws-cli/blob/v2/awscli/botocore/utils.py (SSOTokenFetcher._create_token_attempt)
// https://github.com/aws/aws-cli/blob/v2/awscli/customizations/sso/utils.py (_sso_json_dumps)
import { promises as fs } from 'node:fs';
import { formatCacheTimestamp, ssoTokenCachePath } from '../sso-token-cache';
import { pythonJsonDumps } from './python-json';
import { writePrivateFileAtomic } from './private-file';
import type { SsoSessionRef } from './sso-session-ref';
import { isErrno } from '../../fs/errno';

export interface SsoTokenToWrite {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: Date;
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: Date;
  refreshToken?: string;
}

export function serializeSsoToken(token: SsoTokenToWrite): string {
  return pythonJsonDumps({
    startUrl: token.startUrl,
    region: token.region,
    accessToken: token.accessToken,
    expiresAt: formatCacheTimestamp(token.expiresAt),
    clientId: token.clientId,
    clientSecret: token.clientSecret,
    registrationExpiresAt: formatCacheTimestamp(token.registrationExpiresAt),
    refreshToken: token.refreshToken,
  });
}

/** Writes the session's token file and returns its path. */
export async function writeSsoToken(cacheDir: string, session: SsoSessionRef, token: SsoTokenToWrite): Promise<string> {
  const file = ssoTokenCachePath(cacheDir, session);
  await writePrivateFileAtomic(file, serializeSsoToken(token));
  return file;
}

/**
 * Logout for one session: deletes only that session's token file (unlike `aws sso logout`,
 * which deletes every token in the folder). Returns whether a file was there.
 */
export async function deleteSsoToken(cacheDir: string, session: SsoSessionRef): Promise<boolean> {
  try {
    await fs.unlink(ssoTokenCachePath(cacheDir, session));
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}
