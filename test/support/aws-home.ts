// A throwaway HOME with AWS files, for integration tests: never the user's own ~/.aws.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface AwsHome {
  home: string;
  configFile: string;
  credentialsFile: string;
  ssoCacheDir: string;
  settingsFile: string;
  writeConfig(text: string): Promise<void>;
  writeCredentials(text: string): Promise<void>;
  /** Writes a token cache file the way the AWS CLI names it; returns its path. */
  writeToken(sessionKey: string, token: Record<string, unknown>): Promise<string>;
  tokenPath(sessionKey: string): string;
  cleanup(): Promise<void>;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, as the CLI and botocore write it. */
export const cacheStamp = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

export async function makeAwsHome(): Promise<AwsHome> {
  const home = await mkdtemp(join(tmpdir(), 'cloudid-home-'));
  const aws = join(home, '.aws');
  const ssoCacheDir = join(aws, 'sso', 'cache');
  await mkdir(aws, { recursive: true });
  const write = async (file: string, text: string, mode = 0o600) => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text, { mode });
  };
  const tokenPath = (key: string) => join(ssoCacheDir, `${createHash('sha1').update(key).digest('hex')}.json`);
  return {
    home,
    configFile: join(aws, 'config'),
    credentialsFile: join(aws, 'credentials'),
    ssoCacheDir,
    settingsFile: join(home, 'app', 'settings.json'),
    writeConfig: (text) => write(join(aws, 'config'), text, 0o644),
    writeCredentials: (text) => write(join(aws, 'credentials'), text),
    async writeToken(key, token) {
      const file = tokenPath(key);
      await write(file, JSON.stringify(token));
      return file;
    },
    tokenPath,
    cleanup: () => rm(home, { recursive: true, force: true }),
  };
}
