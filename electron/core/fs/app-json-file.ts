// Reading back the JSON files the app itself writes (caches, the notification ledger, the list of
// imported keys). Anything can happen to them between a write and the next read: an older or
// newer build wrote another shape, a crash, an edit by hand. So every one is checked against a
// zod schema, and a file that fails it is reported as such, never trusted.
//
// The schemas use `zod/mini`: the same checks as `zod`, but it bundles to a fraction of the size,
// and these files are read on every run of `cloudid status`, where start-up time is the budget.
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { errnoCode } from './errno';

export type AppFileRead<T> =
  | { status: 'ok'; value: T }
  | { status: 'missing' }
  | { status: 'unreadable'; code: string | undefined; error: unknown }
  | { status: 'not-json' }
  | { status: 'invalid' };

/** Reads `path` and checks it against `schema`; never throws. Missing means ENOENT only. */
export async function readAppJsonFile<T>(path: string, schema: z.ZodMiniType<T>): Promise<AppFileRead<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    return code === 'ENOENT' ? { status: 'missing' } : { status: 'unreadable', code, error };
  }
  return parseAppJson(text, schema);
}

/** The check of `readAppJsonFile` for text already read. */
export function parseAppJson<T>(
  text: string,
  schema: z.ZodMiniType<T>,
): Extract<AppFileRead<T>, { status: 'ok' | 'not-json' | 'invalid' }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 'not-json' };
  }
  const checked = schema.safeParse(json);
  return checked.success ? { status: 'ok', value: checked.data } : { status: 'invalid' };
}

/**
 * A JSON array of which only the items that match `item` are kept: one damaged entry of a list
 * costs that entry, not the list. Anything but an array fails.
 */
export function itemsMatching<T>(item: z.ZodMiniType<T>): z.ZodMiniType<T[]> {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((items) =>
      items.flatMap((value) => {
        const checked = item.safeParse(value);
        return checked.success ? [checked.data] : [];
      }),
    ),
  );
}
