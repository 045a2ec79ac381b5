// One phrase per shell-profile edit of the GOOGLE_APPLICATION_CREDENTIALS block.
import type { GcpShellProfilesPreview } from './gcp-types';

type Edit = GcpShellProfilesPreview['edits'][number];

export function profileEditText(edit: Pick<Edit, 'action' | 'currentKeyPath'>): string {
  switch (edit.action) {
    case 'create':
      return 'create this file with the block';
    case 'add':
      return 'add the block at the end';
    case 'replace':
      return `replace the block (it sets ${edit.currentKeyPath ?? 'another key'} now)`;
    case 'remove':
      return 'remove the block';
    case 'unchanged':
      return 'already as wanted, unchanged';
    case 'refused':
      return 'cannot be edited, left as it is';
  }
}

/** Where the app's block sets GOOGLE_APPLICATION_CREDENTIALS now, read from a removal preview. */
export interface ShellProfileBlockState {
  /** Profiles that hold the block. */
  files: string[];
  /** The key paths they set (usually one). */
  keyPaths: string[];
}

export function blockStateOf(removal: Pick<GcpShellProfilesPreview, 'edits'>): ShellProfileBlockState {
  const holding = removal.edits.filter((e) => e.action === 'remove');
  const keyPaths = [...new Set(holding.map((e) => e.currentKeyPath).filter((p): p is string => p !== null))];
  return { files: holding.map((e) => e.path), keyPaths };
}
