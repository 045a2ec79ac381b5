// `cloudid gcp list [--json]`: the imported service-account keys, and where each is in use. Reads
// the app's key metadata and gcloud's files only: no keychain, no network.
import { appDataDir } from '../../core/app/app-paths';
import { keyMetadataPath } from '../../core/gcp/key-paths';
import { readGcpState } from '../../core/gcp/gcp-state';
import type { GcpImportedKey, GcpState } from '../../shared/gcp-model';
import { defineCommand, type CommandContext } from '../command';
import { EXIT } from '../exit-codes';
import { jsonLine } from '../json-output';
import { problemText } from '../status-json';
import { formatTable } from '../text-table';
import { terminalStyle } from '../terminal-style';
import { writeStyled } from '../terminal-text';
import { whenText } from '../time-text';

/** Where a key is in use: gcloud configurations naming its account, gcloud's credentials, the variables. */
export interface KeyActivation {
  configurations: string[];
  gcloudCredentials: boolean;
  googleApplicationCredentials: boolean;
  applicationDefaultCredentials: boolean;
}

export function keyActivation(key: GcpImportedKey, gcp: GcpState): KeyActivation {
  return {
    configurations: gcp.configurations.filter((c) => c.account === key.account).map((c) => c.name),
    gcloudCredentials: gcp.accounts.some((a) => a.account === key.account),
    googleApplicationCredentials: gcp.googleApplicationCredentials?.path === key.path,
    applicationDefaultCredentials: gcp.adc?.account === key.account,
  };
}

function activationText(a: KeyActivation): string {
  const where = [
    ...a.configurations.map((name) => `gcloud config ${name}`),
    ...(a.configurations.length === 0 && a.gcloudCredentials ? ['gcloud credentials'] : []),
    ...(a.googleApplicationCredentials ? ['GOOGLE_APPLICATION_CREDENTIALS'] : []),
    ...(a.applicationDefaultCredentials ? ['ADC'] : []),
  ];
  return where.join(', ') || '-';
}

export const run = defineCommand({
  name: 'gcp list',
  usage: 'cloudid gcp list [--json]',
  help: `Lists the imported service-account keys: id, account, project, where each is activated
(gcloud configurations with its account, gcloud's credentials, GOOGLE_APPLICATION_CREDENTIALS,
application default credentials) and the app's copy of the file. Other \`cloudid gcp\` commands
take a key by its id, a unique start of it, or its account's email.
  --json   print {"version":1,"keys":[…],"problems":[…]}

Exit status: 0 listed (none is not an error); 1 the key list cannot be read; 2 usage error.`,
  options: { json: { type: 'boolean' } },
  maxPositionals: 0,
  run: ({ values }, ctx) => list(values.json ?? false, ctx),
});

async function list(json: boolean, ctx: CommandContext): Promise<number> {
  const now = Date.now();
  const dataDir = appDataDir(ctx.env, ctx.homeDir, process.platform);
  const gcp = await readGcpState({
    env: ctx.env,
    homeDir: ctx.homeDir,
    platform: process.platform,
    now: new Date(now),
    appDataDir: dataDir,
  });
  // Problems of the key list itself; gcloud's own are `cloudid status`'s.
  const problems = gcp.problems.filter((p) => p.file === keyMetadataPath(dataDir)).map(problemText);
  const keys = gcp.keys.map((key) => ({ ...key, activated: keyActivation(key, gcp) }));
  if (json) {
    ctx.stdout.write(jsonLine({ keys, problems }));
  } else if (keys.length === 0) {
    ctx.stdout.write('No imported keys. `cloudid gcp import <key.json>` imports one.\n');
  } else {
    const style = terminalStyle(ctx.env, ctx.stdout);
    const rows = [
      ['KEY ID', 'ACCOUNT', 'PROJECT', 'IMPORTED', 'ACTIVATED', 'FILE'],
      ...keys.map((k) => [
        k.keyId,
        k.account,
        k.project ?? '-',
        whenText(k.importedAt, now, style.timeZone),
        activationText(k.activated),
        k.path,
      ]),
    ];
    writeStyled(ctx.stdout, `${formatTable(rows, style, { shrink: [0, 1, 4, 5] }).join('\n')}\n`);
  }
  for (const problem of problems) ctx.stderr.write(`cloudid gcp list: ${problem}\n`);
  return problems.length > 0 ? EXIT.unusable : EXIT.ok;
}
