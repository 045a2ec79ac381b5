// What a sync of one sso-session starts from: the config file as read for editing, the
// session's `[sso-session NAME]` (region, start URL), its cached access token, and the profile
// names the credentials file already uses. The token is returned to the caller that makes the
// portal calls and must go nowhere else (not into a snapshot, a log or IPC).
import { readRegularFile } from '../../fs/regular-file';
import { readForEdit, type FileForEdit } from '../../fs/safe-file-writer';
import { cloudidCommand } from '../../../shared/shell-commands';
import { resolveAwsPaths } from '../aws-environment';
import { parseConfigLayout } from '../config-edit/config-layout';
import { parseIni } from '../ini-parser';
import { parseCacheTimestamp, ssoTokenCachePath } from '../sso-token-cache';

export interface SyncSessionInputs {
  session: { name: string; region: string; startUrl: string };
  configFile: FileForEdit;
  credentialsProfileNames: string[];
  /** Secret. */
  accessToken: string;
  tokenExpiresAt: Date;
  tokenFile: string;
}

export type SyncSessionLookup =
  | { ok: true; inputs: SyncSessionInputs }
  | { ok: false; reason: 'no-session' | 'signed-out' | 'expired'; message: string };

export async function loadSyncSession(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  sessionName: string,
  now: number = Date.now(),
): Promise<SyncSessionLookup> {
  const paths = resolveAwsPaths(env, homeDir);
  const configFile = await readForEdit(paths.configFile);
  const layout = parseConfigLayout(configFile.text);
  const values = new Map<string, string>();
  for (const block of layout.blocks) {
    if (block.id === `sso-session.${sessionName}`)
      for (const entry of block.entries) values.set(entry.key, entry.value);
  }
  const region = values.get('sso_region');
  const startUrl = values.get('sso_start_url');
  if (region === undefined || startUrl === undefined) {
    return {
      ok: false,
      reason: 'no-session',
      message: `${paths.configFile} has no [sso-session ${sessionName}] with sso_region and sso_start_url (create it with \`aws configure sso-session\`)`,
    };
  }

  const tokenFile = ssoTokenCachePath(paths.ssoCacheDir, { name: sessionName, legacy: false, startUrl });
  let token: { accessToken?: unknown; expiresAt?: unknown };
  try {
    // Regular files only (electron/core/fs/regular-file.ts): a FIFO would wait forever.
    token = JSON.parse((await readRegularFile(tokenFile)).toString('utf8')) as typeof token;
  } catch {
    return {
      ok: false,
      reason: 'signed-out',
      message: `not logged in to ${sessionName}: run \`${cloudidCommand('login', sessionName)}\` first`,
    };
  }
  const expiresAt = typeof token.expiresAt === 'string' ? parseCacheTimestamp(token.expiresAt) : null;
  if (typeof token.accessToken !== 'string' || token.accessToken === '' || expiresAt === null) {
    return {
      ok: false,
      reason: 'signed-out',
      message: `the token cache of ${sessionName} (${tokenFile}) is unreadable: run \`${cloudidCommand('login', sessionName)}\``,
    };
  }
  if (expiresAt.getTime() <= now) {
    return {
      ok: false,
      reason: 'expired',
      message: `the ${sessionName} session expired at ${expiresAt.toISOString()}: run \`${cloudidCommand('login', sessionName)}\` or \`${cloudidCommand('refresh', sessionName)}\``,
    };
  }

  let credentialsProfileNames: string[] = [];
  try {
    credentialsProfileNames = parseIni((await readRegularFile(paths.credentialsFile)).toString('utf8')).sections.map(
      (s) => s.name,
    );
  } catch {
    // No credentials file: no names taken there.
  }
  return {
    ok: true,
    inputs: {
      session: { name: sessionName, region, startUrl },
      configFile,
      credentialsProfileNames,
      accessToken: token.accessToken,
      tokenExpiresAt: expiresAt,
      tokenFile,
    },
  };
}
