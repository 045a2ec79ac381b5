// `npm run pack:cli`: the `cloudid` command as an npm package that installs anywhere with
// `npm install -g <tarball>`: no Electron, no build step, no dependency to download (keytar, the
// one native module, is optional: scripts/cli-package/keytar-optional.mjs). Lays the package out
// in out/cli-package and packs it with `npm pack`; prints the tarball's path.
//
// The package is named cloud-identity-tray-cli, never plain `cloudid`: that name on the public
// registry is not ours, and `npx cloudid` outside this repository would fetch whatever holds it.
//
//   node scripts/pack-cli.mjs [--destination <dir>] [--no-build]
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildStandaloneCli, REPO, ROOT_PACKAGE } from './cli-bundle.mjs';

export const CLI_PACKAGE_NAME = 'cloud-identity-tray-cli';

const { values } = parseArgs({ options: { destination: { type: 'string' }, 'no-build': { type: 'boolean' } } });
const standalone = join(REPO, 'out', 'cli-standalone');
const layout = join(REPO, 'out', 'cli-package');
const destination = resolve(values.destination ?? join(REPO, 'out'));

if (!values['no-build']) await buildStandaloneCli(standalone);

/** The lowest Node the root package supports (engines.node, ">=X.Y[.Z]"). */
function minimumNode() {
  const match = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(String(ROOT_PACKAGE.engines?.node ?? '').trim());
  if (!match) throw new Error(`package.json engines.node should read ">=X.Y", not ${JSON.stringify(ROOT_PACKAGE.engines?.node)}`);
  return match.slice(1, 4).map((part) => Number(part ?? 0));
}

rmSync(layout, { recursive: true, force: true });
mkdirSync(join(layout, 'bin'), { recursive: true });
cpSync(standalone, join(layout, 'dist'), { recursive: true });

const [major, minor, patch] = minimumNode();
const engine = `>=${major}.${minor}.${patch}`;
// The bin checks the Node version before loading anything a too-old Node could not parse.
writeFileSync(
  join(layout, 'bin', 'cloudid.mjs'),
  `#!/usr/bin/env node
// The \`cloudid\` command of the ${CLI_PACKAGE_NAME} package: checks the Node version, then runs
// the bundle in ../dist.
const want = [${major}, ${minor}, ${patch}];
const have = process.versions.node.split('.').map(Number);
const tooOld = have[0] !== want[0] ? have[0] < want[0] : have[1] !== want[1] ? have[1] < want[1] : have[2] < want[2];
if (tooOld) {
  process.stderr.write(\`cloudid needs Node.js ${engine}; this is \${process.version} (\${process.execPath}).\\n\`);
  process.exit(70);
}
await import('../dist/cloudid.mjs');
`,
);
chmodSync(join(layout, 'bin', 'cloudid.mjs'), 0o755);

const manifest = {
  name: CLI_PACKAGE_NAME,
  version: ROOT_PACKAGE.version,
  description: 'cloudid: every AWS and Google Cloud identity on this machine, its status and expiry, from a terminal (the command of Cloud Identity Tray).',
  license: ROOT_PACKAGE.license,
  type: 'module',
  bin: { cloudid: 'bin/cloudid.mjs' },
  files: ['bin', 'dist', 'README.md', 'LICENSE'],
  engines: { node: engine },
  keywords: ['aws', 'sso', 'gcloud', 'skypilot', 'credentials', 'cli'],
};
writeFileSync(join(layout, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(join(layout, 'README.md'), readFileSync(join(REPO, 'scripts', 'cli-package', 'README.md'), 'utf8'));
writeFileSync(join(layout, 'LICENSE'), readFileSync(join(REPO, 'scripts', 'cli-package', 'LICENSE'), 'utf8'));

mkdirSync(destination, { recursive: true });
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: layout, encoding: 'utf8' }));
process.stdout.write(`${join(destination, packed[0].filename)}\n`);
