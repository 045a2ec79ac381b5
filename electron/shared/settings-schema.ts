// The settings file's fields, one zod schema each: the IPC contract validates an update with
// them (contract.ts, updateSettings) and the settings store checks the file read back from disk
// with them (electron/core/app/settings-store.ts), so the two can never disagree on what a valid
// value is. `zod/mini`, not `zod`: every `cloudid` command reads the settings, and loading
// classic zod (with its locales) costs a one-shot command some 20 ms (docs/performance.md).
import * as z from 'zod/mini';
import type { Settings } from './model';

export const settingsFields = {
  /** How long before expiry an identity counts as expiring: a minute to a day. */
  leadTimeMinutes: z.int().check(z.minimum(1), z.maximum(24 * 60)),
  notifications: z.boolean(),
  ssoLoginFlow: z.enum(['auto', 'pkce', 'device-code']),
  /** null until the first launch decides (see Settings.startAtLogin). */
  startAtLogin: z.nullable(z.boolean()),
} satisfies { [K in keyof Settings]: z.ZodMiniType<Settings[K]> };
