// Which shell profiles get the GOOGLE_APPLICATION_CREDENTIALS block, a preview of every edit,
// and applying that preview through the one safe writer (refused if a file changed since the
// preview was made). Only shells the user has: a profile that exists, or the login shell.
import { basename, join } from 'node:path';
import { ConcurrentEditError, readForEdit, writeEdited, type FileForEdit } from '../fs/safe-file-writer';
import { credentialsBlockPath, removeCredentialsBlock, setCredentialsBlock, type ShellKind } from './shell-profile-block';

export interface ShellProfile {
  shell: ShellKind;
  path: string;
}

export interface ShellProfileEdit extends ShellProfile {
  /** The file as read (with its hash, so apply can refuse a concurrent change). */
  file: FileForEdit;
  after: string;
  changed: boolean;
  /** What the block sets now, before the edit. */
  currentKeyPath: string | null;
}

export function candidateProfiles(env: NodeJS.ProcessEnv, homeDir: string): ShellProfile[] {
  return [
    { shell: 'bash', path: join(homeDir, '.bashrc') },
    { shell: 'zsh', path: join(env.ZDOTDIR || homeDir, '.zshrc') },
    { shell: 'fish', path: join(env.XDG_CONFIG_HOME || join(homeDir, '.config'), 'fish', 'config.fish') },
  ];
}

function loginShell(env: NodeJS.ProcessEnv): ShellKind | null {
  const name = env.SHELL ? basename(env.SHELL) : '';
  return name === 'bash' || name === 'zsh' || name === 'fish' ? name : null;
}

/**
 * Reads the profiles and computes each edit; writes nothing. `keyPath` null means remove the
 * block. A removal never creates a file.
 */
export async function previewShellProfileEdits(env: NodeJS.ProcessEnv, homeDir: string, keyPath: string | null): Promise<ShellProfileEdit[]> {
  const login = loginShell(env);
  const edits: ShellProfileEdit[] = [];
  for (const profile of candidateProfiles(env, homeDir)) {
    const file = await readForEdit(profile.path);
    if (!file.exists && (keyPath === null || profile.shell !== login)) continue;
    const after = keyPath === null ? removeCredentialsBlock(file.text) : setCredentialsBlock(file.text, profile.shell, keyPath);
    edits.push({ ...profile, file, after, changed: after !== file.text, currentKeyPath: credentialsBlockPath(file.text) });
  }
  return edits;
}

export interface ShellProfileWrite extends ShellProfile {
  changed: boolean;
  backupPath: string | null;
}

/** Applies a preview. Throws ConcurrentEditError (from the writer) if a profile changed since. */
export async function applyShellProfileEdits(edits: ShellProfileEdit[]): Promise<ShellProfileWrite[]> {
  // Check every file first, so a change to one profile does not leave the others half-applied.
  for (const edit of edits.filter((e) => e.changed)) {
    const now = await readForEdit(edit.path);
    if (now.sha256 !== edit.file.sha256) throw new ConcurrentEditError(edit.path);
  }
  const writes: ShellProfileWrite[] = [];
  for (const edit of edits) {
    if (!edit.changed) {
      writes.push({ shell: edit.shell, path: edit.path, changed: false, backupPath: null });
      continue;
    }
    const { backupPath, changed } = await writeEdited(edit.file, edit.after, { mode: 0o644 });
    writes.push({ shell: edit.shell, path: edit.path, changed, backupPath });
  }
  return writes;
}
