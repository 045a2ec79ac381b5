// Sync 1,000 accounts x 3 roles against the local portal limited to 20 requests/s (429 beyond):
// zero failed calls, and total time against the floor the rate limit sets (requests / 20 s).
// For scale: aws-sso-util took 38 s for 286 roles, aws-sso-cli 7.5 min for 800 accounts, and
// Leapp and Granted failed with 429s at a few hundred accounts. The peer measured here is the
// SDK's own default (standard retry, 3 attempts) with the same 8 calls in flight.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paginateListAccountRoles, paginateListAccounts, SSOClient } from '@aws-sdk/client-sso';
import { readForEdit } from '../../electron/core/fs/safe-file-writer';
import { applySync } from '../../electron/core/aws/sso-sync/apply-sync';
import { listAccountsAndRoles } from '../../electron/core/aws/sso-sync/list-accounts-and-roles';
import { previewSync } from '../../electron/core/aws/sso-sync/sync-preview';
import { makePortalAccounts, startSsoPortal } from '../support/sso-portal-rate-limited';

const ACCOUNTS = 1000;
const ROLES = 3;
const RATE = 20;
const TOKEN = 'bench-token';

export async function benchSsoSync(): Promise<{ rows: Array<{ name: string; value: string }> }> {
  const accounts = makePortalAccounts(ACCOUNTS);
  const portal = await startSsoPortal({ accounts, validTokens: [TOKEN], ratePerSecond: RATE, latencyMs: 15 });
  const dir = await mkdtemp(join(tmpdir(), 'cloudid-bench-sso-'));
  try {
    const started = performance.now();
    const listing = await listAccountsAndRoles({
      accessToken: TOKEN,
      region: 'us-east-1',
      endpoint: portal.url,
      concurrency: 8,
    });
    const listMs = performance.now() - started;
    const roles = listing.accounts.reduce((n, a) => n + a.roles.length, 0);
    const calls = portal.counters.requests - portal.counters.throttled;
    const floorMs = (calls / RATE) * 1000;

    const configFile = join(dir, 'config');
    await writeFile(
      configFile,
      '[default]\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
      { mode: 0o600 },
    );
    const t0 = performance.now();
    const preview = previewSync(await readForEdit(configFile), listing.accounts, { session: 'corp' });
    const applied = await applySync(preview);
    const applyMs = performance.now() - t0;
    const t1 = performance.now();
    const again = previewSync(await readForEdit(configFile), listing.accounts, { session: 'corp' });
    const resyncMs = performance.now() - t1;

    const peer = await sdkDefaultsPeer(accounts.length);

    const ratio = listMs / floorMs;
    return {
      rows: [
        {
          name: 'sso sync: portal',
          value: `${ACCOUNTS} accounts x ${ROLES} roles, ${RATE} req/s token bucket (429 beyond), 15 ms latency`,
        },
        {
          name: 'sso sync: roles found',
          value: `${roles} of ${ACCOUNTS * ROLES}${listing.complete ? '' : ' (INCOMPLETE)'}`,
        },
        {
          name: 'sso sync: calls / 429s retried / failed calls',
          value: `${calls} / ${portal.counters.throttled} / ${listing.stats.failedCalls}   target 0 failed`,
        },
        {
          name: 'sso sync: list time vs floor (calls / 20 s)',
          value: `${(listMs / 1000).toFixed(1)} s vs ${(floorMs / 1000).toFixed(1)} s = ${ratio.toFixed(2)}x   target <= 1.25x${ratio <= 1.25 ? '' : '  MISSED'}`,
        },
        {
          name: 'sso sync: preview + apply (one write)',
          value: `${preview.counts.add} profiles added in ${applyMs.toFixed(0)} ms, changed=${applied.changed}`,
        },
        {
          name: 'sso sync: re-sync preview (idempotent)',
          value: `${again.edits.length} edits, ${again.counts.unchanged} unchanged, ${resyncMs.toFixed(0)} ms`,
        },
        {
          name: 'peer: SDK defaults (standard retry, 8 in flight)',
          value: `${peer.failedCalls} of ${peer.calls} calls failed, ${peer.rolesFound} of ${ACCOUNTS * ROLES} roles found, ${(peer.ms / 1000).toFixed(1)} s`,
        },
      ],
    };
  } finally {
    await portal.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What a tool built on the SDK's defaults gets: its own retries, no pacing. */
async function sdkDefaultsPeer(
  accountCount: number,
): Promise<{ calls: number; failedCalls: number; rolesFound: number; ms: number }> {
  const portal = await startSsoPortal({
    accounts: makePortalAccounts(accountCount),
    validTokens: [TOKEN],
    ratePerSecond: RATE,
    latencyMs: 15,
  });
  const client = new SSOClient({ region: 'us-east-1', endpoint: portal.url });
  const started = performance.now();
  let failedCalls = 0;
  let rolesFound = 0;
  try {
    const ids: string[] = [];
    try {
      for await (const page of paginateListAccounts({ client, pageSize: 100 }, { accessToken: TOKEN })) {
        for (const a of page.accountList ?? []) if (a.accountId) ids.push(a.accountId);
      }
    } catch {
      failedCalls++;
    }
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const accountId = ids[next++] as string;
        try {
          for await (const page of paginateListAccountRoles(
            { client, pageSize: 100 },
            { accessToken: TOKEN, accountId },
          ))
            rolesFound += page.roleList?.length ?? 0;
        } catch {
          failedCalls++;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return { calls: ids.length + 1, failedCalls, rolesFound, ms: performance.now() - started };
  } finally {
    client.destroy();
    await portal.close();
  }
}

// `npx tsx test/bench/sso-sync.bench.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await benchSsoSync();
  for (const row of rows) console.log(`${row.name.padEnd(52)} ${row.value}`);
}
