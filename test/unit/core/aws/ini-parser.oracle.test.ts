// Property tests with the AWS SDK for JavaScript's own loader as the oracle: on generated small
// files, our parser must find the same sections, keys and values, and the same profiles and
// sso-sessions after the config/credentials merge.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAwsConfig } from '../../../../electron/core/aws/aws-config';
import { collectSections } from '../../../../electron/core/aws/aws-config-sections';
import { parseIni } from '../../../../electron/core/aws/ini-parser';
import { iniFileArb } from '../../../support/aws-config-generators';

type Sections = Record<string, Record<string, string>>;

let dir = '';
let counter = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cit-ini-oracle-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sdkLoad(
  configText: string,
  credentialsText: string,
): Promise<{ configFile: Sections; credentialsFile: Sections }> {
  counter++;
  const configFilepath = join(dir, `config-${counter}`);
  const filepath = join(dir, `credentials-${counter}`);
  await writeFile(configFilepath, configText);
  await writeFile(filepath, credentialsText);
  const loaded = await loadSharedConfigFiles({ configFilepath, filepath, ignoreCache: true });
  return { configFile: loaded.configFile as Sections, credentialsFile: loaded.credentialsFile as Sections };
}

/** The SDK's raw parseIni output: its credentials file is parseIni with no post-processing. */
async function sdkParseIni(text: string): Promise<Sections> {
  return (await sdkLoad('', text)).credentialsFile;
}

function ourSections(text: string): Sections {
  const out: Sections = {};
  for (const section of parseIni(text).sections) {
    if (section.values.size === 0) continue;
    out[section.id] = Object.fromEntries([...section.values].map(([key, entry]) => [key, entry.value]));
  }
  return out;
}

function plain(map: ReadonlyMap<string, { values: ReadonlyMap<string, { value: string }> }>): Sections {
  const out: Sections = {};
  for (const [name, item] of map) {
    if (item.values.size === 0) continue;
    out[name] = Object.fromEntries([...item.values].map(([key, entry]) => [key, entry.value]));
  }
  return out;
}

const isSectionType = (key: string): boolean => key.startsWith('sso-session.') || key.startsWith('services.');

describe('parseIni agrees with @smithy/shared-ini-file-loader', () => {
  it('finds the same sections, keys (with sub-sections) and values in any small file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(iniFileArb('config'), iniFileArb('credentials')), async (text) => {
        expect(ourSections(text)).toEqual(await sdkParseIni(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and puts every problem on a line of the file', () => {
    fc.assert(
      fc.property(iniFileArb('config'), (text) => {
        const lineCount = text.split(/\r?\n/).length;
        for (const problem of parseIni(text, 'f').problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lineCount);
          expect(problem.file).toBe('f');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('profiles and sso-sessions agree with the SDK after merging config and credentials', () => {
  it('names the same profiles and sso-sessions with the same values', async () => {
    await fc.assert(
      fc.asyncProperty(iniFileArb('config'), iniFileArb('credentials'), async (configText, credentialsText) => {
        const sdk = await sdkLoad(configText, credentialsText);
        const raw = collectSections(
          { file: 'config', doc: parseIni(configText, 'config') },
          { file: 'credentials', doc: parseIni(credentialsText, 'credentials') },
        );

        const sdkSessions: Sections = {};
        const sdkConfigProfiles: Sections = {};
        for (const [key, values] of Object.entries(sdk.configFile)) {
          if (key.startsWith('sso-session.')) sdkSessions[key.slice('sso-session.'.length)] = values;
          else if (!isSectionType(key)) sdkConfigProfiles[key] = values;
        }
        expect(plain(raw.ssoSessions)).toEqual(sdkSessions);

        // mergeConfigFiles: credentials keys overlay config keys, profile by profile.
        const sdkMerged: Sections = {};
        for (const [name, values] of Object.entries(sdkConfigProfiles)) sdkMerged[name] = { ...values };
        for (const [name, values] of Object.entries(sdk.credentialsFile))
          sdkMerged[name] = { ...sdkMerged[name], ...values };
        expect(plain(raw.profiles)).toEqual(sdkMerged);

        // Profiles we list beyond the SDK's are exactly the sections without keys.
        for (const [name, profile] of raw.profiles) {
          if (!(name in sdkMerged)) expect(profile.values.size).toBe(0);
        }

        // The fields the app shows carry the SDK's values.
        const parsed = parseAwsConfig({
          configFile: 'config',
          credentialsFile: 'credentials',
          configText,
          credentialsText,
          activeProfile: 'default',
        });
        for (const profile of parsed.profiles) {
          const values = sdkMerged[profile.name] ?? {};
          const value = (key: string): string | null => values[key] ?? null;
          expect(profile.region).toBe(value('region'));
          expect(profile.roleArn).toBe(value('role_arn'));
          expect(profile.sourceProfile).toBe(value('source_profile'));
          expect(profile.credentialSource).toBe(value('credential_source'));
          expect(profile.webIdentityTokenFile).toBe(value('web_identity_token_file'));
          expect(profile.accountId).toBe(value('sso_account_id'));
          expect(profile.roleName).toBe(value('sso_role_name'));
          expect(profile.credentialProcess).toBe(value('credential_process') !== null);
          expect(profile.hasStaticKeys).toBe(value('aws_access_key_id') !== null);
          expect(profile.hasSessionToken).toBe(value('aws_session_token') !== null);
          const session = profile.ssoSessionName === null ? undefined : sdkSessions[profile.ssoSessionName];
          expect(profile.ssoStartUrl).toBe(session?.sso_start_url ?? value('sso_start_url'));
          expect(profile.ssoRegion).toBe(session?.sso_region ?? value('sso_region'));
        }
      }),
      { numRuns: 200 },
    );
  });
});
