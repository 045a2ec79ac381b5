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
  }
}
