// Bench child: latency from a write of ~/.aws/config to the snapshot that shows it, for atomic
// (temp file + rename, like the AWS CLI and our writer) and in-place writes.
// Usage: node --import tsx child-watch.ts <home> <writes per kind>
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore } from '../../electron/core/app/core';
import type { Snapshot } from '../../electron/shared/model';

const home = process.argv[2] as string;
const count = Number(process.argv[3] ?? 100);
const configFile = join(home, '.aws', 'config');
const core = createCore({
  env: { HOME: home, PATH: '' },
  homeDir: home,
  settingsFile: join(home, 'settings.json'),
  detectCli: false,
});
await core.start();

const configText = (region: string): string =>
  [
    '[default]',
    `region = ${region}`,
    '',
    ...Array.from({ length: 200 }, (_, i) => `[profile p${i}]\nregion = us-east-1\n`),
  ].join('\n');

function waitForRegion(region: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`no snapshot with region ${region} within 3 s`)), 3000);
    const off = core.onSnapshot((s: Snapshot) => {
      if (s.aws.profiles.find((p) => p.name === 'default')?.region === region) {
        clearTimeout(timeout);
        off();
        resolve(performance.now());
      }
    });
  });
}

const results: Record<string, number[]> = { atomic: [], inPlace: [] };
for (let i = 0; i < count * 2; i++) {
  const kind = i % 2 === 0 ? 'atomic' : 'inPlace';
  const region = `bench-${i}`;
  const seen = waitForRegion(region);
  const started = performance.now();
  if (kind === 'atomic') {
    await writeFile(`${configFile}.tmp`, configText(region));
    await rename(`${configFile}.tmp`, configFile);
  } else {
    await writeFile(configFile, configText(region));
  }
  results[kind]!.push((await seen) - started);
  await new Promise((r) => setTimeout(r, 20));
}
await core.stop();
console.log(JSON.stringify(results));
