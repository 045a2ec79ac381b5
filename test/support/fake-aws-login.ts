// A fake AWS CLI for `aws login` tests: a shell script named `aws` in its own folder that prints
// the version it is given and records the arguments of every other call. `aws login` writes a
// login cache as the CLI would (test/support/login-cache.ts), for the session in
// FAKE_LOGIN_SESSION; `aws logout` deletes it.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loginToken } from './login-cache';

export interface FakeAws {
  bin: string;
  /** Each call's arguments, in order (`--version` calls excluded). */
  calls(): Promise<string[][]>;
}

export async function fakeAws(parent: string, version: string): Promise<FakeAws> {
  const bin = join(parent, `bin-aws-${version}`);
  await mkdir(bin, { recursive: true });
  const log = join(bin, 'calls.jsonl');
  const helper = join(bin, 'fake-aws.cjs');
  const token = JSON.stringify(loginToken({ expiresAt: '2099-01-01T00:00:00Z', accountId: '012345678901' }));
  await writeFile(
    helper,
    `const fs = require('node:fs'), path = require('node:path'), crypto = require('node:crypto');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
const session = process.env.FAKE_LOGIN_SESSION;
if (!session) { console.log('Updated profile ' + args[2] + '.'); process.exit(0); }
const dir = process.env.AWS_LOGIN_CACHE_DIRECTORY || path.join(process.env.HOME, '.aws', 'login', 'cache');
const file = path.join(dir, crypto.createHash('sha256').update(session).digest('hex') + '.json');
if (args[0] === 'login') {
  const token = ${token};
  token.accessToken.expiresAt = new Date(Date.now() + 15 * 60000).toISOString();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(token, null, 2), { mode: 0o600 });
  console.log('Updated profile ' + args[2] + ' to use ' + session + ' credentials.');
} else {
  fs.rmSync(file, { force: true });
  console.log('Removed cached login credentials.');
}
`,
  );
  await writeFile(
    join(bin, 'aws'),
    `#!/bin/sh
if [ "$1" = "--version" ]; then echo "aws-cli/${version} Python/3.13.7 Linux/6.1 exe/x86_64.debian.12"; exit 0; fi
exec "${process.execPath}" "${helper}" "$@"
`,
  );
  await chmod(join(bin, 'aws'), 0o755);
  return {
    bin,
    calls: async () =>
      (await readFile(log, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string[]),
  };
}
