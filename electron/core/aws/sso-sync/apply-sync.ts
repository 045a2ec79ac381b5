// Applies a sync preview in ONE edit of the config file through the safe writer: refused if the
// file changed since the preview read it (preview again then), original backed up once, atomic.
import type { Problem } from '../../../shared/model';
import { writeEdited, type WriterFs } from '../../fs/safe-file-writer';
import { applyConfigEdits } from '../config-edit/config-edits';
import type { SyncPreview } from './sync-preview';

export interface SyncApplyResult {
  configPath: string;
  changed: boolean;
  backupPath: string | null;
  /** Edits the editor refused; when there are any, nothing was written. */
  problems: Problem[];
}

/** Throws `ConcurrentEditError` (safe-file-writer) when the file changed since the preview. */
export async function applySync(preview: SyncPreview, options: { fs?: WriterFs } = {}): Promise<SyncApplyResult> {
  const configPath = preview.file.path;
  if (preview.problems.some((p) => p.severity === 'error')) {
    return { configPath, changed: false, backupPath: null, problems: preview.problems };
  }
  const result = applyConfigEdits(preview.file.text, preview.edits);
  if (result.problems.length > 0) return { configPath, changed: false, backupPath: null, problems: result.problems };
  if (!result.changed) return { configPath, changed: false, backupPath: null, problems: [] };
  // A new ~/.aws/config gets 0600 like the CLI's; an existing one keeps its mode.
  const written = await writeEdited(preview.file, result.text, { mode: 0o600 }, options.fs);
  return { configPath, changed: written.changed, backupPath: written.backupPath, problems: [] };
}
