import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ssoCacheDir, type SsoSessionRef } from '../../electron/core/aws/sso-login/sso-session-ref';

export const START_URL = 'https://d-1234567890.awsapps.com/start';

export function sessionRef(overrides: Partial<SsoSessionRef> = {}): SsoSessionRef {
  return { name: 'dev', legacy: false, startUrl: START_URL, region: 'eu-west-1', registrationScopes: [], ...overrides };
}

export interface TempHome {
  home: string;
  cacheDir: string;
  remove(): Promise<void>;
}

export async function tempHome(): Promise<TempHome> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'cloudid-sso-'));
  return { home, cacheDir: ssoCacheDir(home), remove: () => rm(home, { recursive: true, force: true }) };
}
