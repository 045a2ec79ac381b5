// A cheap key for everything a reader reads: some texts (the paths and variables the environment
// names), and the identity of files and of every entry of some folders (device, inode, mode, size,
// mtime, ctime). Equal keys mean a new read would find the same files, unchanged; the one
// exception, a rewrite in the same clock tick as the last one, is what `newestChangeMs` is for.
// Stats only, no reads: 2,000 token files cost a few milliseconds, most of it the kernel's.
//
// The key is the whole record, not a digest of it: comparing a few hundred kilobytes is exact and
// costs less than loading node:crypto (docs/performance.md).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errnoCode } from './errno';

export interface Inputs {
  /** Names and values that decide what is read, other than the files' contents. */
  texts: string[];
  files: string[];
  /** Listed: the folder's error or entry count in the text part, each entry's identity as a file. */
  folders: string[];
}

export interface InputsFingerprint {
  /** Names, errors and identities: equal texts, same inputs. */
  key: string;
  /** The latest mtime or ctime among the files (ms). */
  newestChangeMs: number;
  /** The files (and folder entries) that exist. */
  present: ReadonlySet<string>;
}

/** Numbers recorded per file; a missing or unreadable file records its error in the text part. */
const FIELDS = 6;

export function fingerprintInputs(inputs: Inputs): InputsFingerprint {
  const text: string[] = inputs.texts.slice();
  const files = inputs.files.slice();
  for (const dir of inputs.folders) {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      text.push(`${dir}:${errnoCode(error) ?? 'error'}:0`);
      continue;
    }
    text.push(`${dir}::${names.length}`);
    const prefix = join(dir, '/');
    for (let i = 0; i < names.length; i++) files.push(prefix + names[i]);
  }

  // Names and errors as text, identities as raw numbers: no number is formatted.
  const numbers = new Float64Array(files.length * FIELDS);
  const present = new Set<string>();
  let newest = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as string;
    text.push(file);
    let s;
    try {
      s = statSync(file);
    } catch (error) {
      text.push(errnoCode(error) ?? 'error');
      continue;
    }
    present.add(file);
    const at = i * FIELDS;
    numbers[at] = s.dev;
    numbers[at + 1] = s.ino;
    numbers[at + 2] = s.mode;
    numbers[at + 3] = s.size;
    numbers[at + 4] = s.mtimeMs;
    numbers[at + 5] = s.ctimeMs;
    if (s.mtimeMs > newest) newest = s.mtimeMs;
    if (s.ctimeMs > newest) newest = s.ctimeMs;
  }
  text.push(Buffer.from(numbers.buffer).toString('base64'));
  return { key: text.join('\n'), newestChangeMs: newest, present };
}
