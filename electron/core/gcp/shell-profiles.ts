// Which shell profiles get the GOOGLE_APPLICATION_CREDENTIALS block, a preview of every edit,
// and applying that preview through the one safe writer (refused if a file changed since the
// preview was made). Only shells the user has: a profile that exists, or the login shell.
// One profile that cannot be read, would not parse, or cannot be written is named with the reason
// and left as it is; the others are still edited.
import { basename, join } from 'node:path';
import { fileFailureReason, isFileFailure } from '../fs/file-failure';
import { ConcurrentEditError, readForEdit, writeEdited, type FileForEdit, type WriterFs } from '../fs/safe-file-writer';
import {
  credentialsBlockPath,
  removeCredentialsBlock,
  setCredentialsBlock,
  type ShellKind,
} from './shell-profile-block';
import { checkShellSyntax } from './shell-syntax-check';

export interface ShellProfile {
  shell: ShellKind;
  path: string;
}

export interface ShellProfileEdit extends ShellProfile {
  /** The file as read (with its hash, so apply can refuse a concurrent change); null if unreadable. */
  file: FileForEdit | null;
  after: string;
  changed: boolean;
  /** What the block sets now, before the edit. */
  currentKeyPath: string | null;
  /** Why this profile is left as it is (a sentence naming the file), or null. */
  problem: string | null;
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
 * block. A removal never creates a file. Throws UnsafeKeyPathError for a path no profile may hold.
 */
export async function previewShellProfileEdits(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  keyPath: string | null,
): Promise<ShellProfileEdit[]> {
  const login = loginShell(env);
  const edits: ShellProfileEdit[] = [];
  for (const profile of candidateProfiles(env, homeDir)) {
    let file: FileForEdit;
    try {
      file = await readForEdit(profile.path);
    } catch (error) {
      if (!isFileFailure(error)) throw error;
      edits.push({
        ...profile,
        file: null,
        after: '',
        changed: false,
        currentKeyPath: null,
        problem: `${profile.path} was not edited: ${fileFailureReason(error)}.`,
      });
      continue;
    }
    if (!file.exists && (keyPath === null || profile.shell !== login)) continue;
    const after =
      keyPath === null
        ? removeCredentialsBlock(file.text, profile.shell)
        : setCredentialsBlock(file.text, profile.shell, keyPath);
    const problem = after === file.text ? null : await parseProblem(profile, file, after, env);
    edits.push({
      ...profile,
      file,
      after: problem ? file.text : after,
      changed: problem === null && after !== file.text,
      currentKeyPath: credentialsBlockPath(file.text, profile.shell),
      problem,
    });
  }
  return edits;
}

/**
 * The removal of the block from the profiles whose block sets `keyPath`, for removing that key:
 * a block that points at another key, and a profile without one, are left out. Writes nothing.
 */
export async function previewBlockRemovalFor(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  keyPath: string,
): Promise<ShellProfileEdit[]> {
  const edits = await previewShellProfileEdits(env, homeDir, null);
  return edits.filter((edit) => edit.currentKeyPath === keyPath);
}

/** Null when the edited profile parses (or its shell cannot say), else why it is not edited. */
async function parseProblem(
  profile: ShellProfile,
  file: FileForEdit,
  after: string,
  env: NodeJS.ProcessEnv,
): Promise<string | null> {
  const checkEnv = { PATH: env.PATH ?? process.env.PATH };
  const edited = await checkShellSyntax(profile.shell, after, checkEnv);
  if (edited === null || edited.ok) return null;
  const before = file.exists ? await checkShellSyntax(profile.shell, file.text, checkEnv) : null;
  if (before !== null && !before.ok)
    return `${profile.path} was not edited: ${profile.shell} cannot parse it as it is (${before.message}); fix that first.`;
  return `${profile.path} was not edited: with the change ${profile.shell} could not parse it (${edited.message}).`;
}

export interface ShellProfileWrite extends ShellProfile {
  changed: boolean;
  backupPath: string | null;
  /** Why this profile was not written (a sentence naming the file), or null. */
  problem: string | null;
}

/**
 * Applies a preview: every profile that can be written is, the others are named with the reason.
 * Throws ConcurrentEditError (from the writer) if a profile changed since, before writing any.
 */
export async function applyShellProfileEdits(edits: ShellProfileEdit[], fs?: WriterFs): Promise<ShellProfileWrite[]> {
  // Check every file first, so a change to one profile does not leave the others half-applied.
  for (const edit of edits) {
    if (!edit.changed || !edit.file) continue;
    const now = await readForEdit(edit.path, fs);
    if (now.sha256 !== edit.file.sha256) throw new ConcurrentEditError(edit.path);
  }
  const writes: ShellProfileWrite[] = [];
  for (const edit of edits) {
    const profile = { shell: edit.shell, path: edit.path };
    if (!edit.changed || !edit.file) {
      writes.push({ ...profile, changed: false, backupPath: null, problem: edit.problem });
      continue;
    }
    try {
      const { backupPath, changed } = await writeEdited(edit.file, edit.after, { mode: 0o644 }, fs);
      writes.push({ ...profile, changed, backupPath, problem: null });
    } catch (error) {
      if (error instanceof ConcurrentEditError || !isFileFailure(error)) throw error;
      writes.push({
        ...profile,
        changed: false,
        backupPath: null,
        problem: `${edit.path} was not written: ${fileFailureReason(error)}.`,
      });
    }
  }
  return writes;
}
