// The window's "preview, then apply" of the GOOGLE_APPLICATION_CREDENTIALS block: a preview is
// kept here under a random id (its file hashes inside), and Apply takes that id, so what is
// written is exactly what the user saw, or nothing when a profile changed in between.
import { randomUUID } from 'node:crypto';
import type {
  GcpProfileEditAction,
  GcpShellProfileEditPreview,
  GcpShellProfilesApplied,
  GcpShellProfilesPreview,
} from '../../shared/contract-gcp';
import { ConcurrentEditError } from '../fs/safe-file-writer';
import { blockLines } from '../gcp/shell-profile-block';
import {
  applyShellProfileEdits,
  previewBlockRemovalFor,
  previewShellProfileEdits,
  type ShellProfileEdit,
} from '../gcp/shell-profiles';

/** Previews older than this are refused: the user should look again. */
const PREVIEW_TTL_MS = 30 * 60_000;
const MAX_PREVIEWS = 8;

interface StoredPreview {
  edits: ShellProfileEdit[];
  createdAt: number;
}

function actionOf(edit: ShellProfileEdit, removing: boolean): GcpProfileEditAction {
  if (edit.problem !== null) return 'refused';
  if (!edit.changed) return 'unchanged';
  if (removing) return 'remove';
  if (edit.file?.exists !== true) return 'create';
  return edit.currentKeyPath === null ? 'add' : 'replace';
}

export function describeEdits(edits: ShellProfileEdit[], keyPath: string | null): GcpShellProfileEditPreview[] {
  return edits.map((edit) => ({
    shell: edit.shell,
    path: edit.path,
    action: actionOf(edit, keyPath === null),
    currentKeyPath: edit.currentKeyPath,
    lines: keyPath === null ? [] : blockLines(edit.shell, keyPath),
    problem: edit.problem,
  }));
}

export class ShellProfilePreviews {
  private readonly previews = new Map<string, StoredPreview>();

  constructor(private readonly now: () => number = Date.now) {}

  async preview(
    env: NodeJS.ProcessEnv,
    homeDir: string,
    keyId: string | null,
    keyPath: string | null,
  ): Promise<GcpShellProfilesPreview> {
    return this.keep(await previewShellProfileEdits(env, homeDir, keyPath), keyId, keyPath);
  }

  /** The removal of the block from the profiles where it points at this key (for removing the key). */
  async previewRemovalFor(
    env: NodeJS.ProcessEnv,
    homeDir: string,
    keyId: string,
    keyPath: string,
  ): Promise<GcpShellProfilesPreview> {
    return this.keep(await previewBlockRemovalFor(env, homeDir, keyPath), keyId, null);
  }

  private keep(edits: ShellProfileEdit[], keyId: string | null, keyPath: string | null): GcpShellProfilesPreview {
    const previewId = randomUUID();
    this.previews.set(previewId, { edits, createdAt: this.now() });
    // Keep only the latest few: each holds the text of the user's profiles.
    while (this.previews.size > MAX_PREVIEWS) {
      const oldest = this.previews.keys().next().value;
      if (oldest === undefined) break;
      this.previews.delete(oldest);
    }
    return { previewId, keyId, keyPath, edits: describeEdits(edits, keyPath) };
  }

  async apply(previewId: string): Promise<GcpShellProfilesApplied> {
    const stored = this.previews.get(previewId);
    this.previews.delete(previewId);
    if (!stored || this.now() - stored.createdAt > PREVIEW_TTL_MS) {
      return { ok: false, message: 'This preview is no longer current. Preview the change again, then apply it.' };
    }
    try {
      const writes = await applyShellProfileEdits(stored.edits);
      return {
        ok: true,
        written: writes.filter((w) => w.changed).map((w) => ({ path: w.path, backupPath: w.backupPath })),
        unchanged: writes.filter((w) => !w.changed && w.problem === null).map((w) => w.path),
        notWritten: writes.flatMap((w) => (w.problem === null ? [] : [{ path: w.path, message: w.problem }])),
      };
    } catch (error) {
      if (error instanceof ConcurrentEditError) {
        return { ok: false, message: `${error.message} Nothing was written. Preview the change again.` };
      }
      throw error;
    }
  }
}
