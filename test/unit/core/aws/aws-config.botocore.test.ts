// botocore (python3 on this machine; what the AWS CLI and SkyPilot use) as a peer: on generated
// sets of profiles mixing every credential kind, the provider botocore picks must be our kind,
// and wherever botocore refuses a profile when it loads, we must report an error on it.
// Not pure (it runs python3 on temp files), but it is the only honest check of the precedence
// and error rules; nothing touches the network (STS/SSO calls are deferred by botocore, IMDS is
// disabled, credential_process is a local script).
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsProfileKind } from '../../../../electron/shared/model';
import { parseAwsConfig } from '../../../../electron/core/aws/aws-config';
import { PROFILE_SET_NAMES, profileSetArb, renderProfileSet } from '../../../support/aws-config-generators';

const run = promisify(execFile);

// Prints, for each profile name, the method of the credentials botocore resolves, null when no
// provider applies, or "error:<ExceptionClass>: <message>".
const PROBE = `
import json, sys
import botocore.session
result = {}
for name in json.loads(sys.argv[1]):
    try:
        credentials = botocore.session.Session(profile=name).get_credentials()
        result[name] = credentials.method if credentials else None
    except Exception as error:
        result[name] = 'error:%s: %s' % (type(error).__name__, error)
print(json.dumps(result))
`;

const KIND_BY_METHOD: Record<string, AwsProfileKind[]> = {
  'assume-role': ['assume-role'],
  'assume-role-with-web-identity': ['web-identity'],
  sso: ['sso', 'sso-legacy'],
  'shared-credentials-file': ['static'],
  'config-file': ['static'],
  'custom-process': ['process'],
};

let dir = '';
let probe = '';
let processScript = '';
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cit-botocore-peer-'));
  probe = join(dir, 'probe.py');
  await writeFile(probe, PROBE);
  processScript = join(dir, 'credential-process.sh');
  await writeFile(
    processScript,
    '#!/bin/sh\necho \'{"Version": 1, "AccessKeyId": "AKIAPROCESS", "SecretAccessKey": "process-secret"}\'\n',
  );
  await chmod(processScript, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function botocoreVerdicts(
  configText: string,
  credentialsText: string,
  names: readonly string[],
): Promise<Record<string, string | null>> {
  counter++;
  const configFile = join(dir, `config-${counter}`);
  const credentialsFile = join(dir, `credentials-${counter}`);
  await writeFile(configFile, configText);
  await writeFile(credentialsFile, credentialsText);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!key.startsWith('AWS_') && !key.startsWith('BOTO')) env[key] = value;
  Object.assign(env, {
    HOME: dir,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    // What credential_source = Environment finds.
    AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT',
    AWS_SECRET_ACCESS_KEY: 'environment-secret',
  });
  const { stdout } = await run('python3', [probe, JSON.stringify(names)], { env, timeout: 20_000 });
  return JSON.parse(stdout) as Record<string, string | null>;
}

describe('profile kinds and errors agree with botocore', () => {
  it('picks the provider botocore picks, and reports an error wherever botocore refuses the profile', async () => {
    await fc.assert(
      fc.asyncProperty(profileSetArb('PROCESS'), async (generated) => {
        const withProcess = generated.map((p) => ({
          ...p,
          keys: p.keys.map(([k, v]): [string, string] => [k, v === 'PROCESS' ? processScript : v]),
        }));
        const { config, credentials } = renderProfileSet(withProcess);
        const verdicts = await botocoreVerdicts(config, credentials, PROFILE_SET_NAMES);
        const parsed = parseAwsConfig({
          configFile: 'config',
          credentialsFile: 'credentials',
          configText: config,
          credentialsText: credentials,
          activeProfile: 'p0',
        });
        const usesLogin = generated.some((p) => p.keys.some(([key]) => key === 'login_session'));

        for (const name of PROFILE_SET_NAMES) {
          const ours = parsed.profiles.find((p) => p.name === name);
          const verdict = verdicts[name] ?? null;
          const context = `${name}: botocore said ${String(verdict)}\n--- config\n${config}\n--- credentials\n${credentials}\n--- ours\n${JSON.stringify(ours, null, 1)}`;
          expect(ours, context).toBeDefined();
          if (ours === undefined) continue;
          const ourErrors = ours.problems.filter((p) => p.severity === 'error');
          if (verdict === null) {
            // No provider applies: nothing usable, or SSO that can only sign in.
            const tokenOnly =
              (ours.kind === 'sso' || ours.kind === 'sso-legacy') && ours.accountId === null && ours.roleName === null;
            expect(ours.kind === 'unknown' || tokenOnly, context).toBe(true);
          } else if (verdict.startsWith('error:MissingDependencyException')) {
            // The login provider needs a package botocore lacks here: login is involved.
            expect(ours.kind === 'login' || (ours.kind === 'assume-role' && usesLogin), context).toBe(true);
          } else if (verdict.startsWith('error:')) {
            expect(ourErrors.length, context).toBeGreaterThan(0);
          } else {
            expect(KIND_BY_METHOD[verdict] ?? [], context).toContain(ours.kind);
            expect(ourErrors, context).toEqual([]);
          }
        }
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});
