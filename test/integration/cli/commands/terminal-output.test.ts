// `cloudid status` and `cloudid clusters` as a person sees them (electron/cli/terminal-style.ts,
// text-table.ts): tables fitted to 80 and 120 columns with long fields shortened in the middle,
// colour on a terminal, none with NO_COLOR, in a pipe or in --json, and FORCE_COLOR honoured.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../../../electron/cli/command';
import { run as clusters } from '../../../../electron/cli/commands/clusters';
import { run as status } from '../../../../electron/cli/commands/status';
import { displayWidth } from '../../../../electron/cli/terminal-style';
import { owners, writeSkyState } from '../../../support/sky-state-fixtures';

const LONG_PROFILE = 'prod-platform-engineering-administrator-access-eu-central-1';
const LONG_ROLE = 'arn:aws:iam::111122223333:role/a-really-long-role-name-for-the-data-platform-team-in-production';
// eslint-disable-next-line no-control-regex -- the colour sequences are what is tested
const SGR = /\u001b\[[0-9;]*m/g;

let home: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'cloudid-width-'));
  await mkdir(path.join(home, '.aws'), { recursive: true });
  await writeFile(
    path.join(home, '.aws', 'config'),
    `[default]\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n\n` +
      `[profile ${LONG_PROFILE}]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = AdministratorAccess\n\n` +
      `[profile data]\nrole_arn = ${LONG_ROLE}\nsource_profile = default\n`,
  );
  await writeFile(
    path.join(home, '.aws', 'credentials'),
    '[default]\naws_access_key_id = AKIAEXAMPLE000000001\naws_secret_access_key = not-a-real-secret-0000000000000000000000\n',
  );
  await writeSkyState(home, {
    schema: 'v0.10-alembic',
    rows: [
      {
        name: 'a-training-cluster-with-a-long-descriptive-name',
        status: 'UP',
        launched_at: 1_764_000_000,
        owner: owners.aws('AIDAEXAMPLE000000001', '111122223333'),
      },
      {
        name: 'gpu',
        status: 'STOPPED',
        launched_at: 1_764_000_000,
        owner: owners.gcp('someone-else-with-a-long-address@an-example-company.example.com', 'ml-research-prod'),
      },
    ],
  });
});
afterAll(async () => rm(home, { recursive: true, force: true }));

interface Terminal {
  isTTY: boolean;
  columns?: number;
  env?: NodeJS.ProcessEnv;
}

async function run(command: Command, args: string[], terminal: Terminal): Promise<{ code: number; out: string }> {
  let out = '';
  const ctx: CommandContext = {
    env: { HOME: home, PATH: '', AWS_PROFILE: 'default', ...terminal.env },
    homeDir: home,
    stdout: {
      isTTY: terminal.isTTY,
      ...(terminal.columns === undefined ? {} : { columns: terminal.columns }),
      write: (chunk) => ((out += String(chunk)), true),
    },
    stderr: { write: () => true },
  };
  return { code: await command(args, ctx), out };
}

/** The lines of the table whose heading matches, up to the blank line after it. */
function tableLines(out: string, heading: RegExp): string[] {
  const lines = out.replace(SGR, '').split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l === '');
  return lines.slice(start, end < 0 ? undefined : end);
}

const PROFILES = /^ +PROFILE +KIND +STATUS +EXPIRES +ACCOUNT +IDENTITY$/;
const CLUSTERS = /^NAME +STATUS +LAUNCHED +CLOUD +OWNER +CAN OPERATE +ACTIVE$/;

describe.each([80, 120])('at %i columns', (columns) => {
  it('status: the profile table fits, long names and ARNs shortened in the middle', async () => {
    for (const terminal of [
      { isTTY: true, columns },
      { isTTY: false, env: { COLUMNS: String(columns) } },
    ]) {
      const { out } = await run(status, [], terminal);
      const table = tableLines(out, PROFILES);
      for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
      const data = table.find((l) => l.includes(' data '));
      expect(data).toMatch(/arn:aws\S*…\S*on$/);
      expect(out).not.toContain(LONG_ROLE);
    }
  });

  it('clusters: the table fits; no field is cut at its start or end', async () => {
    const { out } = await run(clusters, [], { isTTY: true, columns });
    const table = tableLines(out, CLUSTERS);
    for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    expect(table.join('\n')).toMatch(/^a-tr\S*…\S*name +UP +/m);
    expect(table.join('\n')).toMatch(/ so\S*…\S*prod /);
  });
});

describe('colour', () => {
  it('colours status words on a terminal, and the verdict mark', async () => {
    const { out } = await run(status, [], { isTTY: true, columns: 120 });
    expect(out).toContain('\u001b[32mlong-lived\u001b[0m');
    expect(out).toContain('\u001b[31msigned-out\u001b[0m');
    expect(out.endsWith('\n\u001b[32m✓\u001b[0m The active profile default is usable.\n')).toBe(true);
    const sky = await run(clusters, [], { isTTY: true, columns: 120 });
    expect(sky.out).toContain('\u001b[32mUP\u001b[0m');
    expect(sky.out).toContain('\u001b[2mSTOPPED\u001b[0m');
  });

  it('has none with NO_COLOR, in a pipe, or in --json even when forced', async () => {
    const cases: [Command, string[], Terminal][] = [
      [status, [], { isTTY: true, columns: 120, env: { NO_COLOR: '1' } }],
      [status, [], { isTTY: false }],
      [clusters, [], { isTTY: true, columns: 120, env: { NO_COLOR: '1' } }],
      [clusters, [], { isTTY: false }],
      [status, ['--json'], { isTTY: true, columns: 120, env: { FORCE_COLOR: '1' } }],
      [clusters, ['--json'], { isTTY: true, columns: 120, env: { FORCE_COLOR: '1' } }],
    ];
    for (const [command, args, terminal] of cases) {
      const { out } = await run(command, args, terminal);
      expect(out).not.toContain('\u001b');
    }
  });

  it('is forced into a pipe by FORCE_COLOR, and forced off on a terminal by FORCE_COLOR=0', async () => {
    expect((await run(status, [], { isTTY: false, env: { FORCE_COLOR: '1' } })).out).toContain('\u001b[32m');
    expect((await run(clusters, [], { isTTY: false, env: { FORCE_COLOR: '1' } })).out).toContain('\u001b[32m');
    expect((await run(status, [], { isTTY: true, columns: 120, env: { FORCE_COLOR: '0' } })).out).not.toContain(
      '\u001b',
    );
  });
});

describe('a pipe', () => {
  it('gets every field whole: nothing is shortened without a width', async () => {
    const { out } = await run(status, [], { isTTY: false });
    expect(out).toContain(LONG_ROLE);
    expect(out).toContain(LONG_PROFILE);
    expect(out).not.toContain('…');
  });
});

describe('--json', () => {
  it('is one line with version first, for status and clusters alike', async () => {
    for (const command of [status, clusters]) {
      const { out } = await run(command, ['--json'], { isTTY: true, columns: 80 });
      expect(out).toMatch(/^\{"version":1,[^\n]*\}\n$/);
    }
  });
});
