// `npm run pack:cli`: the `cloudid` command (out/cli-standalone, from scripts/cli-bundle.mjs) as an npm package that installs anywhere with
// `npm install -g <tarball>`: no Electron, no build step, no dependency to download (keytar, the
// one native module, is optional: scripts/cli-package/keytar-optional.mjs). Lays the package out
// in out/cli-package and packs it with `npm pack`; prints the tarball's path.
//
// The package is named cloud-identity-tray-cli, never plain `cloudid`: that name on the public
// registry is not ours, and `npx cloudid` outside this repository would fetch whatever holds it.
//
//   node scripts/pack-cli.mjs [--destination <dir>] [--no-build]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildStandaloneCli, minimumNode, REPO, ROOT_PACKAGE } from './cli-bundle.mjs';

const CLI_PACKAGE_NAME = 'cloud-identity-tray-cli';

const { values } = parseArgs({ options: { destination: { type: 'string' }, 'no-build': { type: 'boolean' } } });
const standalone = join(REPO, 'out', 'cli-standalone');
const layout = join(REPO, 'out', 'cli-package');
const destination = resolve(values.destination ?? join(REPO, 'out'));

if (!values['no-build']) await buildStandaloneCli(standalone);

rmSync(layout, { recursive: true, force: true });
mkdirSync(layout, { recursive: true });
cpSync(standalone, join(layout, 'dist'), { recursive: true });

const [major, minor, patch] = minimumNode();
const manifest = {
  name: CLI_PACKAGE_NAME,
  version: ROOT_PACKAGE.version,
  description:
    'cloudid: every AWS and Google Cloud identity on this machine, its status and expiry, from a terminal (the command of Cloud Identity Tray).',
  license: ROOT_PACKAGE.license,
  type: 'module',
  bin: { cloudid: 'dist/bin/cloudid.mjs' },
  files: ['dist', 'README.md', 'LICENSE'],
  engines: { node: `>=${major}.${minor}.${patch}` },
  keywords: ['aws', 'sso', 'gcloud', 'skypilot', 'credentials', 'cli'],
};
writeFileSync(join(layout, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(join(layout, 'README.md'), readFileSync(join(REPO, 'scripts', 'cli-package', 'README.md'), 'utf8'));
writeFileSync(join(layout, 'LICENSE'), readFileSync(join(REPO, 'scripts', 'cli-package', 'LICENSE'), 'utf8'));

mkdirSync(destination, { recursive: true });
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: layout, encoding: 'utf8' }),
);
process.stdout.write(`${join(destination, packed[0].filename)}\n`);
