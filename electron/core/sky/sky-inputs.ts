// What the SkyPilot part of the snapshot reads besides the AWS and gcloud readers' files, for a key
// of it (../fs/inputs-fingerprint.ts): the files skyWatchTargets names (state.db, its write-ahead
// log and journal, the user config, a project's .sky.yaml), the remembered STS answers, the
// project folder, and the variables the SkyPilot modules read. Of AWS's keys only whether they are
// set counts (owner-verdicts.ts, local-identities.ts): a key never holds a secret.
//
// Keep in step with sky-state-reader.ts, sky-config.ts, sky-project-config.ts, sky-snapshot.ts,
// local-identities.ts and sky-identity-problems.ts: an input read there and missing here is a
// stale answer (test/unit/core/sky/sky-inputs.test.ts checks the variables).
import type { Inputs } from '../fs/inputs-fingerprint';
import { identityMemoryPath } from '../aws/identity-memory-file';
import { skyStateFile } from './sky-paths';
import { skyWatchTargets } from './sky-watch';

/** Read for their value; SKYPILOT_* variables are all read for theirs. */
const VALUE_VARIABLES = ['GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT'];
/** Read for whether they are set. */
const PRESENCE_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];

export interface SkyInputs extends Inputs {
  /** state.db's rollback journal: while it exists SkyPilot is writing, and a read may be half written. */
  journals: string[];
}

export function skyInputs(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  projectDir: string | null,
  appDataDir: string,
): SkyInputs {
  const texts = [`project=${JSON.stringify(projectDir)}`];
  for (const name of Object.keys(env).sort())
    if (name.startsWith('SKYPILOT_')) texts.push(`${name}=${JSON.stringify(env[name])}`);
  for (const name of VALUE_VARIABLES) texts.push(`${name}=${JSON.stringify(env[name] ?? null)}`);
  for (const name of PRESENCE_VARIABLES) texts.push(`${name}:${env[name] ? 'set' : 'empty'}`);
  return {
    texts,
    files: [...skyWatchTargets(homeDir, env, projectDir).map((target) => target.path), identityMemoryPath(appDataDir)],
    folders: [],
    journals: [`${skyStateFile(homeDir)}-journal`],
  };
}
