// Deep source_profile chains (GitHub issue 10, section 3): resolving every profile of one chain of
// 2,000 and 5,000 links, which the app does on its main thread at each load. Resolution is linear
// (electron/core/aws/aws-source-chain.ts); the quadratic walk it replaced took 6.8 s and 57 s.
// Target: 5,000 links well under a second.
import { join } from 'node:path';
import { ms, runChild, type BenchRow } from './bench-util';

const child = join(new URL('.', import.meta.url).pathname, 'child-source-chain.ts');

type ChainRun = { ms: number; peerMs: number; errors: number };

export async function benchSourceChains(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const links of [2_000, 5_000]) {
    const run = await runChild<ChainRun>(child, [String(links)], process.env);
    if (run.errors !== 0) throw new Error(`${run.errors} profiles of the ${links}-link chain have errors`);
    rows.push({
      name: `${links.toLocaleString('en-US')}-link chain, parse + resolve every profile (median of 5)`,
      value: `${ms(run.ms)}${links === 5_000 ? '   target < 1,000 ms' : ''}`,
    });
    rows.push({ name: `  peer: JS SDK loader, parse only, same file`, value: ms(run.peerMs) });
  }
  const loop = await runChild<ChainRun>(child, ['5000', '--loop'], process.env);
  if (loop.errors !== 5_000)
    throw new Error(`the 5,000-profile loop reported ${loop.errors} profiles with errors, not 5,000`);
  rows.push({ name: '5,000-profile source_profile loop, every profile reported (median of 5)', value: ms(loop.ms) });
  return rows;
}
