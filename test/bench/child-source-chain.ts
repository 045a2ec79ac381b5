// Bench child: resolving one source_profile chain of N links (every profile on it is a role sourced
// from the next, the last from a profile with keys), against the JS SDK's loader parsing the same
// file (the peer: it reads the profiles and resolves no chain until asked for credentials).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { parseAwsConfig } from '../../electron/core/aws/aws-config';

const links = Number(process.argv[2]);
const loop = process.argv[3] === '--loop';
let text = '';
for (let i = 0; i < links; i++)
  text += `[profile p${i}]\nrole_arn = arn:aws:iam::123456789012:role/R${i}\nsource_profile = ${i === links - 1 ? (loop ? 'p0' : 'base') : `p${i + 1}`}\n`;
text += '[profile base]\naws_access_key_id = AKIABENCH00000000001\naws_secret_access_key = not-a-real-secret\n';

const dir = await mkdtemp(join(tmpdir(), 'cloudid-bench-chain-'));
const configFile = join(dir, 'config');
const credentialsFile = join(dir, 'credentials');
await writeFile(configFile, text);
await writeFile(credentialsFile, '');

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const times = async (n: number, run: () => unknown): Promise<number> => {
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run();
    all.push(performance.now() - started);
  }
  return median(all);
};

let errors = 0;
const ours = await times(5, () => {
  const parsed = parseAwsConfig({
    configFile,
    credentialsFile,
    configText: text,
    credentialsText: '',
    activeProfile: 'p0',
  });
  errors = parsed.profiles.filter((p) => p.problems.some((x) => x.severity === 'error')).length;
});
const peer = await times(5, () =>
  loadSharedConfigFiles({ filepath: credentialsFile, configFilepath: configFile, ignoreCache: true }),
);
await rm(dir, { recursive: true, force: true });
console.log(JSON.stringify({ ms: ours, peerMs: peer, errors }));
