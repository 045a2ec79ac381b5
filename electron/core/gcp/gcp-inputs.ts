// What readGcpState reads, for a key of it (../fs/inputs-fingerprint.ts): the gcloud folder the
// environment names and its configuration, credential and token files; the file
// GOOGLE_APPLICATION_CREDENTIALS names; the app's own key list and key folder; and every CLOUDSDK_*
// variable (gcloud's property overrides, its active configuration).
//
// Keep in step with gcp-state.ts: an input read there and missing here is a stale status.
import { isAbsolute, join, resolve } from 'node:path';
import type { Inputs } from '../fs/inputs-fingerprint';
import { gcloudConfigDir, gcloudPaths } from './gcloud-config-dir';
import { KEY_FOLDER, keyMetadataPath } from './key-paths';

export interface GcpInputs extends Inputs {
  /** Rollback journals: while one exists gcloud is writing, and what is read may be half written. */
  journals: string[];
}

export function gcpInputs(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  platform: NodeJS.Platform,
  appDataDir: string | null,
): GcpInputs {
  const paths = gcloudPaths(gcloudConfigDir(env, homeDir, platform));
  const texts = [paths.configDir];
  for (const name of Object.keys(env).sort())
    if (name.startsWith('CLOUDSDK_') || name === 'GOOGLE_APPLICATION_CREDENTIALS')
      texts.push(`${name}=${JSON.stringify(env[name])}`);
  const journals = [`${paths.credentialsDb}-journal`, `${paths.accessTokensDb}-journal`];
  const files = [
    paths.activeConfigFile,
    paths.credentialsDb,
    `${paths.credentialsDb}-wal`,
    paths.accessTokensDb,
    `${paths.accessTokensDb}-wal`,
    ...journals,
    paths.adcFile,
  ];
  const gac = env.GOOGLE_APPLICATION_CREDENTIALS;
  if (gac) files.push(isAbsolute(gac) ? gac : resolve(gac));
  const folders = [paths.configurationsDir];
  if (appDataDir !== null) {
    files.push(keyMetadataPath(appDataDir));
    folders.push(join(appDataDir, KEY_FOLDER));
  }
  return { texts, files, folders, journals };
}
