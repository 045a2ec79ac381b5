// Reading gcloud's whole state from its files vs asking gcloud itself (`gcloud config list` plus
// `gcloud auth list`) on the same directory: 5 configurations, 20 accounts. Target: >= 100x.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { readGcpState } from '../../electron/core/gcp/gcp-state';
import { tempDir, writeSyntheticGcloudDir } from '../support/gcloud-fixtures';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const ms = (value: number): string => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);

function gcloud(args: string[], configDir: string): Promise<{ ms: number; stdout: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: configDir,
    CLOUDSDK_CONFIG: configDir,
    CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
    CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: '1',
  };
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile('gcloud', args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`gcloud ${args.join(' ')} failed: ${stderr}`));
      else resolve({ ms: performance.now() - start, stdout });
    });
  });
}

export async function benchGcpState(): Promise<{ rows: Array<{ name: string; value: string }> }> {
  const configDir = await tempDir('cloudid-bench-gcloud-');
  try {
    await writeSyntheticGcloudDir(configDir, 5, 20);
    const read = () =>
      readGcpState({ env: { CLOUDSDK_CONFIG: configDir }, homeDir: configDir, platform: 'linux', now: new Date() });
    const coldStart = performance.now();
    const first = await read();
    const coldMs = performance.now() - coldStart;
    if (first.configurations.length !== 5 || first.accounts.length !== 20 || first.problems.length > 0) {
      throw new Error(
        `unexpected state: ${first.configurations.length} configurations, ${first.accounts.length} accounts, ${first.problems.length} problems`,
      );
    }
    const ours: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      await read();
      ours.push(performance.now() - start);
    }
    const gcloudRuns: number[] = [];
    let gcloudAccounts = 0;
    for (let i = 0; i < 3; i++) {
      const config = await gcloud(['config', 'list', '--format=json'], configDir);
      const auth = await gcloud(['auth', 'list', '--format=json'], configDir);
      gcloudAccounts = (JSON.parse(auth.stdout) as unknown[]).length;
      gcloudRuns.push(config.ms + auth.ms);
    }
    const oursMs = median(ours);
    const theirsMs = median(gcloudRuns);
    return {
      rows: [
        {
          name: 'gcloud fixture',
          value: `5 configurations, 20 accounts (10 service accounts, 10 users); gcloud lists ${gcloudAccounts}`,
        },
        {
          name: 'readGcpState, first call (opens node:sqlite, or the sql.js WASM before Node 24.16)',
          value: ms(coldMs),
        },
        { name: 'readGcpState, median of 50', value: ms(oursMs) },
        { name: 'peer: `gcloud config list` + `gcloud auth list` (median of 3)', value: ms(theirsMs) },
        { name: 'ratio gcloud / readGcpState', value: `${(theirsMs / oursMs).toFixed(0)}x   target >= 100x` },
      ],
    };
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
}

// Run alone with `npx tsx test/bench/gcp-state.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  benchGcpState().then(
    ({ rows }) => {
      for (const row of rows) console.log(`${row.name.padEnd(64)} ${row.value}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
