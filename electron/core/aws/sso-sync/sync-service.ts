// The "Sync accounts" feature as the window and the CLI drive it: list (once per session, one
// listing at a time per session), preview as often as the user edits the name template (no new
// portal calls), then apply a preview by id. The preview kept here holds the config text and
// the listing; what leaves this module (`SyncPreviewSummary`) is plain JSON with no token and no
// file contents, fit for IPC.
import { randomUUID } from 'node:crypto';
import type { Problem } from '../../../shared/model';
import { ConcurrentEditError } from '../../fs/safe-file-writer';
import { applySync } from './apply-sync';
import { listAccountsAndRoles, type SsoListing, type SsoListingProgress } from './list-accounts-and-roles';
import { loadSyncSession } from './sync-session';
import {
  previewSync,
  type SyncConflict,
  type SyncDuplicate,
  type SyncPreview,
  type SyncPreviewEntry,
} from './sync-preview';

export interface SyncPreviewRequest {
  session: string;
  template?: string;
  region?: string;
  /** List the portal again even if this session was listed before in this process. */
  relist?: boolean;
  /** Also add profiles for roles the user already has a profile for. */
  includeDuplicates?: boolean;
}

export interface SyncPreviewSummary {
  id: string;
  session: string;
  configFile: string;
  listedAt: string;
  listing: {
    accounts: number;
    roles: number;
    complete: boolean;
    requests: number;
    throttled: number;
    failedCalls: number;
    elapsedMs: number;
  };
  counts: SyncPreview['counts'];
  entries: SyncPreviewEntry[];
  conflicts: SyncConflict[];
  duplicates: SyncDuplicate[];
  problems: Problem[];
}

export type SyncPreviewOutcome =
  | { ok: true; preview: SyncPreviewSummary }
  | { ok: false; reason: 'no-session' | 'signed-out' | 'expired' | 'token-refused' | 'unreachable'; message: string };

export type SyncApplyOutcome =
  | { ok: true; changed: boolean; configFile: string; backupPath: string | null }
  | { ok: false; reason: 'unknown-preview' | 'changed-since-preview' | 'refused'; message: string };

export interface SsoSyncServiceOptions {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  now?: () => number;
  /** Role listings in flight (default 8). */
  concurrency?: number;
  /** Each portal request's deadline (electron/core/net/deadline.ts); tests pass a short one. */
  requestTimeoutMs?: number;
}

/** Previews kept for `apply`; older ones are dropped (the user re-previews). */
const MAX_PREVIEWS = 8;

export class SsoSyncService {
  private readonly listings = new Map<string, { listing: SsoListing; at: number }>();
  private readonly inFlight = new Map<string, Promise<SsoListing>>();
  private readonly previews = new Map<string, SyncPreview>();

  constructor(private readonly options: SsoSyncServiceOptions) {}

  async preview(
    request: SyncPreviewRequest,
    onProgress?: (progress: SsoListingProgress) => void,
    signal?: AbortSignal,
  ): Promise<SyncPreviewOutcome> {
    const now = this.options.now ?? Date.now;
    const lookup = await loadSyncSession(this.options.env, this.options.homeDir, request.session, now());
    if (!lookup.ok) return lookup;
    const { inputs } = lookup;

    let cached = request.relist === true ? undefined : this.listings.get(request.session);
    if (cached === undefined) {
      let pending = this.inFlight.get(request.session);
      if (pending === undefined) {
        pending = listAccountsAndRoles({
          accessToken: inputs.accessToken,
          region: inputs.session.region,
          env: this.options.env,
          concurrency: this.options.concurrency ?? 8,
          ...(onProgress === undefined ? {} : { onProgress }),
          ...(signal === undefined ? {} : { signal }),
          ...(this.options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: this.options.requestTimeoutMs }),
        });
        this.inFlight.set(request.session, pending);
      }
      try {
        const listing = await pending;
        cached = { listing, at: now() };
      } finally {
        this.inFlight.delete(request.session);
      }
      if (cached.listing.tokenRefused)
        return { ok: false, reason: 'token-refused', message: cached.listing.problems[0]?.message ?? 'token refused' };
      // A silent portal listed nothing: say so rather than preview an empty organisation.
      if (cached.listing.unreachable)
        return {
          ok: false,
          reason: 'unreachable',
          message: cached.listing.problems[0]?.message ?? 'The SSO portal did not answer.',
        };
      if (cached.listing.complete) this.listings.set(request.session, cached);
    }

    const preview = previewSync(inputs.configFile, cached.listing.accounts, {
      session: request.session,
      startUrl: inputs.session.startUrl,
      includeDuplicates: request.includeDuplicates ?? false,
      ...(request.template === undefined ? {} : { template: request.template }),
      ...(request.region === undefined ? {} : { region: request.region }),
      credentialsProfileNames: inputs.credentialsProfileNames,
      listingComplete: cached.listing.complete,
    });
    const id = randomUUID();
    this.previews.set(id, preview);
    while (this.previews.size > MAX_PREVIEWS) this.previews.delete(this.previews.keys().next().value as string);
    return { ok: true, preview: summarise(id, preview, cached.listing, cached.at) };
  }

  async apply(previewId: string): Promise<SyncApplyOutcome> {
    const preview = this.previews.get(previewId);
    if (preview === undefined)
      return { ok: false, reason: 'unknown-preview', message: 'That preview is no longer available: preview again.' };
    try {
      const result = await applySync(preview);
      if (result.problems.length > 0)
        return { ok: false, reason: 'refused', message: result.problems.map((p) => p.message).join('; ') };
      this.previews.delete(previewId);
      return { ok: true, changed: result.changed, configFile: result.configPath, backupPath: result.backupPath };
    } catch (error) {
      if (!(error instanceof ConcurrentEditError)) throw error;
      this.previews.delete(previewId);
      return { ok: false, reason: 'changed-since-preview', message: `${error.message}` };
    }
  }
}

function summarise(id: string, preview: SyncPreview, listing: SsoListing, at: number): SyncPreviewSummary {
  return {
    id,
    session: preview.session,
    configFile: preview.file.path,
    listedAt: new Date(at).toISOString(),
    listing: {
      accounts: listing.accounts.length,
      roles: listing.accounts.reduce((n, a) => n + a.roles.length, 0),
      complete: listing.complete,
      requests: listing.stats.requests,
      throttled: listing.stats.throttled,
      failedCalls: listing.stats.failedCalls,
      elapsedMs: Math.round(listing.stats.elapsedMs),
    },
    counts: preview.counts,
    entries: preview.entries,
    conflicts: preview.conflicts,
    duplicates: preview.duplicates,
    problems: [...listing.problems, ...preview.problems],
  };
}
