// Where the remembered STS answers live and how long one is used (identity-memory.ts reads and
// writes the file; docs/identity-memory.md). Apart from the reader so that a memo's key
// (../sky/sky-inputs.ts) can name the file without loading the reader's schemas.
import { join } from 'node:path';

export const IDENTITY_MEMORY_FILE = 'remembered-identities.json';
/** Older answers are neither used nor kept: a role or user may have been replaced since. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export const identityMemoryPath = (appDataDir: string): string => join(appDataDir, IDENTITY_MEMORY_FILE);
