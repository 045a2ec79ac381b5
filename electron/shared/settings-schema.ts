// The settings file's fields, one zod schema each: the IPC contract validates an update with
// them (contract.ts, updateSettings) and the settings store checks the file read back from disk
// with them (electron/core/app/settings-store.ts), so the two can never disagree on what a valid
// value is.
import { z } from 'zod';
import type { Settings } from './model';

export const settingsFields = {
  /** How long before expiry an identity counts as expiring: a minute to a day. */
  leadTimeMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  notifications: z.boolean(),
  ssoLoginFlow: z.enum(['auto', 'pkce', 'device-code']),
  /** null until the first launch decides (see Settings.startAtLogin). */
  startAtLogin: z.boolean().nullable(),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> };

/** What the window may change through updateSettings; start at login has its own operation. */
export const settingsUpdate = z.strictObject({
  leadTimeMinutes: settingsFields.leadTimeMinutes.optional(),
  notifications: settingsFields.notifications.optional(),
  ssoLoginFlow: settingsFields.ssoLoginFlow.optional(),
});
