import { writeFileAtomic } from '../../fs/safe-file-writer';

/**
 * Writes a file only its owner may read (0600; missing folders 0700, existing ones left alone),
 * so that a reader never sees a half-written file: the safe writer's temp file beside the target,
 * fsync, rename. The CLI itself truncates in place; readers of the SSO cache (botocore, the JS
 * SDK, the CLI) would otherwise race it. Like the CLI's open(), a symlinked cache file is written
 * through: the link's target is replaced and the link stays.
 */
export async function writePrivateFileAtomic(target: string, content: string): Promise<void> {
  await writeFileAtomic(target, content, { mode: 0o600, dirMode: 0o700 });
}
