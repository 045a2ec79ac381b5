// A single-pass reader of AWS shared config/credentials files that sees exactly what the AWS SDK
// for JavaScript sees, plus 1-based line numbers and per-line problems instead of exceptions.
//
// It mirrors `parseIni` of @smithy/shared-ini-file-loader (the code behind
// @aws-sdk/shared-ini-file-loader; today in @smithy/core, submodules/config/shared-ini-file-loader/
// parseIni.js):
// - lines split on LF or CRLF only (a lone CR stays inside its line);
// - a comment starts at `#` or `;` at the start of a line or after whitespace, anywhere in the line,
//   so `key = value # note` is `value`, while `url = https://x/#/start` keeps its `#`;
// - a header is a trimmed line that starts with `[` and ends with `]`; its text is not trimmed;
//   `[PREFIX NAME]` / `[PREFIX "NAME"]` with exactly one whitespace and NAME of [\w\-@+.%:/] is
//   keyed `PREFIX.NAME` when PREFIX is profile, sso-session or services, and ignored (with its
//   keys) for any other PREFIX; anything else is keyed by its raw text (`[default]` -> `default`);
// - `key = value` splits at the first `=` (a line with no `=` or starting with `=` is skipped);
//   `key =` with an empty value opens a sub-section: following lines are stored as `key.sub`
//   until a non-indented key line; an empty-valued key is never stored itself;
// - repeated sections merge and a repeated key keeps its last value; a section only exists in
//   the SDK's map once it has a key (we keep empty ones too: `values.size` is 0).
// Keys and names keep their case.
import type { Problem } from '../../shared/model';
import { excerpt } from '../../shared/excerpt';

export type IniSectionPrefix = 'profile' | 'sso-session' | 'services';

const SECTION_PREFIXES: readonly IniSectionPrefix[] = ['profile', 'sso-session', 'services'];
// The SDK throws on these headers (and so reads nothing of the file); we skip the section.
const BLOCKED_HEADERS: readonly string[] = ['__proto__', 'profile __proto__'];
// A header block's keys are compared in a short list; past this many, in a Map (see BlockKeys).
const BLOCK_KEYS_IN_LIST = 16;

export interface IniValue {
  value: string;
  /** The file name given to parseIni ('' when none). */
  file: string;
  /** 1-based line of the occurrence that won (the last one). */
  line: number;
  /** True when the SDK cut an inline ` # ...` / ` ; ...` comment off this line. */
  inlineComment: boolean;
}

export interface IniSection {
  /** The SDK's key for this section: `profile.NAME`, `sso-session.NAME`, `services.NAME`, or the raw header text. */
  id: string;
  /** The text between the brackets of the first header that opened this section. */
  header: string;
  prefix: IniSectionPrefix | null;
  /** NAME for a prefixed header, else the raw header text. */
  name: string;
  /** 1-based lines of every header that opened this section (repeats merge). */
  lines: number[];
  /** Values by key (`sub.key` inside a sub-section), in first-seen order; the last occurrence wins. */
  values: IniValues;
}

/** Slots per key in IniValues' list: key, value, file, line, inlineComment. */
const SLOTS = 5;
/** Past this many keys, IniValues finds a key through a Map rather than down its list. */
const VALUES_IN_LIST = 16;

/**
 * The keys of a section (or of a profile's two sections laid over each other) and their values,
 * in first-seen order; a key set again keeps its place and takes the later value, as in a Map.
 * Stored as one flat list rather than a Map with an IniValue per key: on a 10,000-profile file
 * those objects were most of what the parse allocated and the garbage collector then copied.
 * As a ReadonlyMap it hands out a new IniValue per entry asked for; the parse's own readers use
 * valueFor, keyAt, valueAt and forEachKey, which allocate nothing.
 */
export class IniValues implements ReadonlyMap<string, IniValue> {
  private readonly items: (string | number | boolean)[];
  private count: number;
  /** Slot of each key, only once there are more than VALUES_IN_LIST keys. */
  private index: Map<string, number> | null = null;

  constructor(from?: IniValues) {
    this.items = from === undefined ? [] : from.items.slice();
    this.count = from === undefined ? 0 : from.count;
    if (from?.index != null) this.index = new Map(from.index);
  }

  /** These values with `top`'s laid over them key by key (the later wins), as a new IniValues. */
  static overlaid(base: IniValues, top: IniValues): IniValues {
    const merged = new IniValues(base);
    const items = top.items;
    for (let at = 0; at < items.length; at += SLOTS)
      merged.set(
        items[at] as string,
        items[at + 1] as string,
        items[at + 2] as string,
        items[at + 3] as number,
        items[at + 4] as boolean,
      );
    return merged;
  }

  get size(): number {
    return this.count;
  }

  /** Sets a key while the file is read; never called once the parse has handed these values out. */
  set(key: string, value: string, file: string, line: number, inlineComment: boolean): void {
    const at = this.slotOf(key);
    const items = this.items;
    if (at >= 0) {
      items[at + 1] = value;
      items[at + 2] = file;
      items[at + 3] = line;
      items[at + 4] = inlineComment;
      return;
    }
    this.index?.set(key, items.length);
    items.push(key, value, file, line, inlineComment);
    this.count++;
    if (this.index === null && this.count > VALUES_IN_LIST) {
      this.index = new Map();
      for (let i = 0; i < items.length; i += SLOTS) this.index.set(items[i] as string, i);
    }
  }

  has(key: string): boolean {
    return this.slotOf(key) >= 0;
  }

  get(key: string): IniValue | undefined {
    const at = this.slotOf(key);
    return at < 0 ? undefined : this.entryAt(at);
  }

  /** The value of a key, without making an IniValue. */
  valueFor(key: string): string | undefined {
    const at = this.slotOf(key);
    return at < 0 ? undefined : (this.items[at + 1] as string);
  }

  /** The i-th key in first-seen order (0 <= i < size). */
  keyAt(i: number): string {
    return this.items[i * SLOTS] as string;
  }

  /** The value of the i-th key. */
  valueAt(i: number): string {
    return this.items[i * SLOTS + 1] as string;
  }

  /** Calls `fn` with each key, its value and whether an inline comment was cut off it, in order. */
  forEachKey<T>(fn: (this: T, key: string, value: string, inlineComment: boolean) => void, thisArg: T): void {
    const items = this.items;
    for (let at = 0; at < items.length; at += SLOTS)
      fn.call(thisArg, items[at] as string, items[at + 1] as string, items[at + 4] as boolean);
  }

  forEach(fn: (value: IniValue, key: string, map: ReadonlyMap<string, IniValue>) => void, thisArg?: unknown): void {
    const items = this.items;
    for (let at = 0; at < items.length; at += SLOTS) fn.call(thisArg, this.entryAt(at), items[at] as string, this);
  }

  entries(): MapIterator<[string, IniValue]> {
    return this.asMap().entries();
  }

  keys(): MapIterator<string> {
    return this.asMap().keys();
  }

  values(): MapIterator<IniValue> {
    return this.asMap().values();
  }

  [Symbol.iterator](): MapIterator<[string, IniValue]> {
    return this.asMap().entries();
  }

  private asMap(): Map<string, IniValue> {
    const map = new Map<string, IniValue>();
    for (let at = 0; at < this.items.length; at += SLOTS) map.set(this.items[at] as string, this.entryAt(at));
    return map;
  }

  private entryAt(at: number): IniValue {
    const items = this.items;
    return {
      value: items[at + 1] as string,
      file: items[at + 2] as string,
      line: items[at + 3] as number,
      inlineComment: items[at + 4] as boolean,
    };
  }

  /** Where the key's slots start in items, or -1. Keys are compared in place while there are few. */
  private slotOf(key: string): number {
    if (this.index !== null) return this.index.get(key) ?? -1;
    const items = this.items;
    for (let at = 0; at < items.length; at += SLOTS) if (items[at] === key) return at;
    return -1;
  }
}

/** A problem on one line, and the id of the section that line belongs to (null outside any). */
export interface IniProblem extends Problem {
  line: number;
  sectionId: string | null;
}

export interface IniDocument {
  /** Sections in order of first appearance, including ones without keys. */
  sections: IniSection[];
  /** The same sections by id (built when first asked for: the parse itself never needs it). */
  readonly byId: Map<string, IniSection>;
  problems: IniProblem[];
  /** The section with this id, found without building byId. */
  find(id: string): IniSection | undefined;
}

export function parseIni(text: string, file?: string): IniDocument {
  const reader = new IniReader(text, file);
  // Work on offsets into `text` rather than on per-line strings: on 100k-line files the garbage
  // of split/slice/trim, not the parsing, is what costs. Only headers, keys and values are sliced.
  // The loop stays small and hands each line to a method: V8 optimises small functions sooner,
  // which is most of the time of a one-shot `cloudid status`.
  const comments = new CommentFinder(text);
  const textLength = text.length;
  // Computed here, not in the loop at the last line: new arithmetic there costs a deoptimisation.
  const afterText = textLength + 1;
  let lineNumber = 0;
  for (let lineStart = 0; lineStart <= textLength;) {
    lineNumber++;
    // `split(/\r?\n/)`: a line ends at LF; a CR right before it is not part of the line.
    let lineEnd = text.indexOf('\n', lineStart);
    const nextLineStart = lineEnd < 0 ? afterText : lineEnd + 1;
    if (lineEnd < 0) lineEnd = textLength;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    const lineFrom = lineStart;
    lineStart = nextLineStart;

    const commentAt = comments.startIn(lineFrom, lineEnd);
    let start = lineFrom;
    let end = commentAt < 0 ? lineEnd : commentAt;
    while (start < end && isJsWhitespace(text.charCodeAt(start))) start++;
    while (end > start && isJsWhitespace(text.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    if (text.charCodeAt(start) === 0x5b /* [ */ && text.charCodeAt(end - 1) === 0x5d /* ] */ && end - start >= 2) {
      reader.header(text.slice(start + 1, end - 1), lineNumber);
    } else {
      reader.line(start, end, isJsWhitespace(text.charCodeAt(lineFrom)), commentAt >= 0, lineNumber);
    }
  }
  return new ParsedIni(reader.sections, reader.index, reader.problems);
}

class ParsedIni implements IniDocument {
  private byIdMap: Map<string, IniSection> | null = null;
  constructor(
    readonly sections: IniSection[],
    private readonly index: SectionIndex,
    readonly problems: IniProblem[],
  ) {}

  get byId(): Map<string, IniSection> {
    if (this.byIdMap === null) {
      this.byIdMap = new Map();
      for (let i = 0; i < this.sections.length; i++) {
        const section = this.sections[i] as IniSection;
        this.byIdMap.set(section.id, section);
      }
    }
    return this.byIdMap;
  }

  find(id: string): IniSection | undefined {
    return this.byIdMap === null ? this.index.find(null, id) : this.byIdMap.get(id);
  }
}

/**
 * Sections by id, without building the id to look one up: a header `[profile NAME]` is found by
 * NAME among the profile sections. Building `profile.NAME` and hashing it cost a new string per
 * header, and the name is hashed anyway when the profile is filed under it.
 * Ids are equal exactly when these keys are: a bare header `[profile.NAME]` has the id of
 * `[profile NAME]` and is filed with it; no prefix is the start of another, so the split of a bare
 * header at its first dot is the only one that can match.
 */
class SectionIndex {
  private readonly byPrefix: Record<IniSectionPrefix, Map<string, IniSection>> = {
    profile: new Map(),
    'sso-session': new Map(),
    services: new Map(),
  };
  /** Bare headers that start with no `PREFIX.`, by their text (their id). */
  private readonly others = new Map<string, IniSection>();

  /** The section a header of this prefix and name (prefix null: a bare header) belongs to. */
  find(prefix: IniSectionPrefix | null, name: string): IniSection | undefined {
    if (prefix !== null) return this.byPrefix[prefix].get(name);
    const dotted = dottedPrefix(name);
    return dotted === null ? this.others.get(name) : this.byPrefix[dotted].get(name.slice(dotted.length + 1));
  }

  add(section: IniSection): void {
    const { prefix, name } = section;
    if (prefix !== null) {
      this.byPrefix[prefix].set(name, section);
      return;
    }
    const dotted = dottedPrefix(name);
    if (dotted === null) this.others.set(name, section);
    else this.byPrefix[dotted].set(name.slice(dotted.length + 1), section);
  }
}

/** The PREFIX of an id or bare header `PREFIX.REST`, or null. */
function dottedPrefix(text: string): IniSectionPrefix | null {
  const dot = text.indexOf('.');
  return dot < 0 ? null : sectionPrefix(text, dot);
}

/** The state of one parse: the section being filled and what has been read so far. */
class IniReader {
  readonly sections: IniSection[] = [];
  readonly index = new SectionIndex();
  readonly problems: IniProblem[] = [];
  private readonly fileName: string;
  private readonly equalsSigns: NextIndex;
  private readonly strings: StringPool;
  private current: IniSection | undefined = undefined;
  private subSection: string | undefined = undefined;
  // Lines after a header the SDK ignores: their keys vanish, reported once on the header.
  private inIgnoredSection = false;
  // For botocore-only problems: keys seen per section in this header's block, lower-cased as
  // Python's configparser stores them.
  private readonly blockKeys = new BlockKeys();

  constructor(
    private readonly text: string,
    private readonly file: string | undefined,
  ) {
    this.fileName = file ?? '';
    this.equalsSigns = new NextIndex(text, '=');
    this.strings = new StringPool(text);
  }

  header(header: string, lineNumber: number): void {
    this.current = undefined;
    this.subSection = undefined;
    this.inIgnoredSection = false;
    this.blockKeys.clear();
    if (BLOCKED_HEADERS.includes(header)) {
      this.inIgnoredSection = true;
      this.problem(
        'error',
        lineNumber,
        `[${excerpt(header)}] is not a valid profile name: the AWS SDK for JavaScript refuses the whole file because of it`,
      );
      return;
    }
    const nameStart = prefixedNameStart(header);
    let id: string;
    let prefix: IniSectionPrefix | null = null;
    let name = header;
    if (nameStart > 0) {
      // nameStart - 1 is the whitespace, or the opening quote after it (then the name ends
      // before the closing quote, the header's last character).
      const quoted =
        header.charCodeAt(nameStart - 1) === 0x22 /* " */ || header.charCodeAt(nameStart - 1) === 0x27; /* ' */
      const matchedPrefix = sectionPrefix(header, quoted ? nameStart - 2 : nameStart - 1);
      if (matchedPrefix === null) {
        this.inIgnoredSection = true;
        const other = header.slice(0, quoted ? nameStart - 2 : nameStart - 1);
        this.problem(
          'warning',
          lineNumber,
          `[${excerpt(header)}] is ignored: "${excerpt(other)}" is not a section type (profile, sso-session or services)`,
        );
        return;
      }
      prefix = matchedPrefix;
      name = header.slice(nameStart, quoted ? header.length - 1 : header.length);
      id = `${prefix}.${name}`;
    } else {
      if (header === '') {
        this.inIgnoredSection = true;
        this.problem('warning', lineNumber, '[] has no name: it and its keys are ignored');
        return;
      }
      id = header;
    }
    const existing = this.index.find(prefix, name);
    if (existing !== undefined) {
      existing.lines.push(lineNumber);
      this.current = existing;
      const botocore =
        existing.header === header
          ? 'botocore (the AWS CLI, SkyPilot) refuses a file with a repeated section'
          : 'botocore (the AWS CLI, SkyPilot) uses only the later one';
      this.problem(
        'warning',
        lineNumber,
        `[${excerpt(header)}] repeats the section at line ${existing.lines[0] ?? lineNumber}: the AWS SDK for JavaScript merges them, ${botocore}`,
      );
    } else {
      const section: IniSection = { id, header, prefix, name, lines: [lineNumber], values: new IniValues() };
      this.current = section;
      this.sections.push(section);
      this.index.add(section);
    }
  }

  /** A non-empty line that is not a header, trimmed to [start, end), its comment cut off. */
  line(start: number, end: number, indented: boolean, inlineComment: boolean, lineNumber: number): void {
    const text = this.text;
    const equals = this.equalsSigns.from(start);
    const current = this.current;
    if (equals >= end || equals === start || current === undefined) {
      this.notKeyValue(start, end, equals, indented, lineNumber);
      return;
    }
    const key = this.strings.key(start, trimEnd(text, start, equals));
    const valueStart = trimStart(text, equals + 1, end);
    if (valueStart === end) {
      this.subSection = key;
      this.noteBotocoreDuplicate(key, lineNumber);
      return;
    }
    const value = this.strings.value(valueStart, end);
    let subSection = this.subSection;
    if (subSection !== undefined && !indented) subSection = this.subSection = undefined;
    if (subSection === undefined) {
      this.noteBotocoreDuplicate(key, lineNumber);
      current.values.set(key, value, this.fileName, lineNumber, inlineComment);
    } else {
      current.values.set(`${subSection}.${key}`, value, this.fileName, lineNumber, inlineComment);
    }
  }

  /** A line that sets no key: a broken header, a stray line, or a key outside any section. */
  private notKeyValue(start: number, end: number, equals: number, indented: boolean, lineNumber: number): void {
    const text = this.text;
    const hasEquals = equals < end;
    if (text.charCodeAt(start) === 0x5b /* [ */ && !hasEquals) {
      const trimmed = text.slice(start, end);
      const why = trimmed.includes(']')
        ? 'it has text after its closing "]"; botocore (the AWS CLI, SkyPilot) does read it as a header'
        : 'it has no closing "]"';
      this.problem(
        'error',
        lineNumber,
        `"${excerpt(trimmed)}" is not a section header for the AWS SDK for JavaScript (${why}): the keys below it stay in the section above`,
      );
      return;
    }
    if (!hasEquals || equals === start) {
      if (this.inIgnoredSection) return;
      // Python's configparser takes an indented line after a key as that key's continuation,
      // `key: value` as a key, and refuses any other stray line (and with it the whole file).
      const colon = text.indexOf(':', start);
      if (!hasEquals && colon > start && colon < end) {
        this.problem(
          'warning',
          lineNumber,
          `line ${lineNumber} uses ":" instead of "=": botocore (the AWS CLI, SkyPilot) reads it as a key, the AWS SDK for JavaScript skips it`,
        );
        return;
      }
      const what = hasEquals ? 'has no key before "="' : 'is not "key = value", a [section] header or a comment';
      const continuation = indented && this.blockKeys.size() > 0;
      const botocore = continuation
        ? 'botocore (the AWS CLI, SkyPilot) appends it to the value above'
        : 'botocore (the AWS CLI, SkyPilot) refuses the whole file';
      this.problem(
        continuation ? 'warning' : 'error',
        lineNumber,
        `line ${lineNumber} ${what}: the AWS SDK for JavaScript skips it, ${botocore}`,
      );
      return;
    }
    // A key line before any section (current is undefined).
    if (!this.inIgnoredSection) {
      this.problem(
        'error',
        lineNumber,
        `line ${lineNumber} sets a key before any [section] header: it is ignored, and botocore (the AWS CLI, SkyPilot) refuses the whole file`,
      );
    }
  }

  private problem(severity: Problem['severity'], line: number, message: string): void {
    const sectionId = this.current?.id ?? null;
    const file = this.file;
    this.problems.push(
      file === undefined ? { severity, message, line, sectionId } : { severity, message, file, line, sectionId },
    );
  }

  // Python's configparser (botocore, the AWS CLI, SkyPilot) lower-cases keys and refuses a key set
  // twice in one section; the JS SDK silently keeps the last value. Worth a warning either way.
  private noteBotocoreDuplicate(key: string, lineNumber: number): void {
    // A common key (the usual line) is lower case: no need to look at its characters.
    const lower = this.strings.lastKeyIsCommon() || !hasAsciiUpperCase(key) ? key : key.toLowerCase();
    const earlier = this.blockKeys.addOrGet(lower, lineNumber);
    if (earlier < 0) return;
    this.problem(
      'warning',
      lineNumber,
      `"${excerpt(key)}" is set again (first at line ${earlier}): the AWS SDK for JavaScript uses the later value, botocore (the AWS CLI, SkyPilot) refuses the file`,
    );
  }
}

/**
 * Where the name starts when a header matches the SDK's `^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$`
 * (its name class `[\w-@+.%:/]` means \w, `-`, `@`, `+`, `.`, `%`, `:`, `/`), else -1. Scanned by
 * hand: a regex match allocates an array and three strings for every header of a 10k-profile file.
 * The two character classes exclude whitespace and quotes, so the match has a single candidate.
 */
function prefixedNameStart(header: string): number {
  const length = header.length;
  let at = 0;
  while (at < length && isWordOrHyphen(header.charCodeAt(at))) at++;
  if (at === 0 || at >= length || !isJsWhitespace(header.charCodeAt(at))) return -1;
  at++;
  const quote = at < length ? header.charCodeAt(at) : -1;
  const quoted = quote === 0x22 /* " */ || quote === 0x27; /* ' */
  if (quoted) at++;
  const nameStart = at;
  while (at < length && isNameChar(header.charCodeAt(at))) at++;
  if (at === nameStart) return -1;
  if (quoted) return at === length - 1 && header.charCodeAt(at) === quote ? nameStart : -1;
  return at === length ? nameStart : -1;
}

/** The SECTION_PREFIXES entry that is exactly the header's first `length` characters, or null. */
function sectionPrefix(header: string, length: number): IniSectionPrefix | null {
  for (let i = 0; i < SECTION_PREFIXES.length; i++) {
    const prefix = SECTION_PREFIXES[i] as IniSectionPrefix;
    if (prefix.length === length && header.startsWith(prefix)) return prefix;
  }
  return null;
}

/** `[\w-]` without the u flag. */
function isWordOrHyphen(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x2d
  );
}

/** `[\w\-@+.%:/]` without the u flag. */
function isNameChar(code: number): boolean {
  return (
    isWordOrHyphen(code) ||
    code === 0x40 /* @ */ ||
    code === 0x2b /* + */ ||
    code === 0x2e /* . */ ||
    code === 0x25 /* % */ ||
    code === 0x3a /* : */ ||
    code === 0x2f /* / */
  );
}

/** `/[A-Z]/.test(text)`. */
function hasAsciiUpperCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) return true;
  }
  return false;
}

/**
 * The keys of one header block with the line each was first set on. A block has a handful of
 * keys, so a short list compared in place beats a Map (no hashing of each freshly sliced key);
 * a block with many keys moves to a Map so it never turns quadratic.
 */
class BlockKeys {
  // Full length from the start: appending past the end would cost a deoptimisation.
  private readonly keys: string[] = new Array<string>(BLOCK_KEYS_IN_LIST).fill('');
  private readonly lines: number[] = new Array<number>(BLOCK_KEYS_IN_LIST).fill(0);
  private count = 0;
  private map: Map<string, number> | null = null;

  clear(): void {
    this.count = 0;
    this.map = null;
  }

  size(): number {
    return this.count;
  }

  /** The line the key was first set on, or -1 after recording it now. */
  addOrGet(key: string, line: number): number {
    if (this.map !== null) {
      const earlier = this.map.get(key);
      if (earlier !== undefined) return earlier;
      this.map.set(key, line);
      this.count++;
      return -1;
    }
    for (let i = 0; i < this.count; i++) if (this.keys[i] === key) return this.lines[i] ?? -1;
    if (this.count === BLOCK_KEYS_IN_LIST) {
      this.map = new Map();
      for (let i = 0; i < this.count; i++) this.map.set(this.keys[i] ?? '', this.lines[i] ?? 0);
      this.map.set(key, line);
    } else {
      this.keys[this.count] = key;
      this.lines[this.count] = line;
    }
    this.count++;
    return -1;
  }
}

/**
 * Keys the app and the AWS tools read, by length. A key line of a big file names one of these
 * nearly always: returning the literal (hashed once, compared by identity) saves a slice and a
 * hash per key, and repeated values (regions, role names, scopes) are shared the same way.
 */
const COMMON_KEYS: readonly string[] = [
  'region',
  'output',
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  'role_arn',
  'source_profile',
  'credential_source',
  'credential_process',
  'web_identity_token_file',
  'role_session_name',
  'external_id',
  'mfa_serial',
  'duration_seconds',
  'login_session',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'ca_bundle',
  'cli_pager',
  'max_attempts',
  'retry_mode',
  'endpoint_url',
];
const COMMON_KEYS_BY_LENGTH: number[][] = [];
COMMON_KEYS.forEach((key, index) => (COMMON_KEYS_BY_LENGTH[key.length] ??= []).push(index));

/** Strings cut out of one file, shared where the same text comes again. */
class StringPool {
  /** The COMMON_KEYS index of the key last returned, or -1. */
  private lastKey = -1;
  /** The last value read for each common key. */
  private readonly lastValues: string[] = COMMON_KEYS.map(() => '');
  constructor(private readonly text: string) {}

  /** The text in [start, end) as a key. */
  key(start: number, end: number): string {
    const candidates = COMMON_KEYS_BY_LENGTH[end - start];
    if (candidates !== undefined) {
      for (let i = 0; i < candidates.length; i++) {
        const index = candidates[i] as number;
        const key = COMMON_KEYS[index] as string;
        if (this.text.startsWith(key, start)) {
          this.lastKey = index;
          return key;
        }
      }
    }
    this.lastKey = -1;
    return this.text.slice(start, end);
  }

  /** Whether the key last returned by key() is one of COMMON_KEYS (all lower case). */
  lastKeyIsCommon(): boolean {
    return this.lastKey >= 0;
  }

  /** The text in [start, end) as the value of the key last returned by key(). */
  value(start: number, end: number): string {
    const index = this.lastKey;
    if (index < 0) return this.text.slice(start, end);
    const previous = this.lastValues[index] as string;
    if (previous.length === end - start && this.text.startsWith(previous, start)) return previous;
    const value = this.text.slice(start, end);
    this.lastValues[index] = value;
    return value;
  }
}

/** The next offset of one character at or after a position; amortised linear over a file. */
class NextIndex {
  private next = -1;
  /** Past the end of the text when there is no further occurrence (a small integer, unlike Infinity). */
  private readonly none: number;
  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {
    this.none = text.length + 1;
  }

  from(position: number): number {
    if (this.next !== this.none && this.next < position) {
      const index = this.text.indexOf(this.char, position);
      this.next = index < 0 ? this.none : index;
    }
    return this.next;
  }
}

/**
 * Finds where the SDK's `line.split(/(^|\s)[;#]/)[0]` cuts a line: the first `#` or `;` that starts
 * the line or follows a whitespace character.
 */
class CommentFinder {
  private readonly hash: NextIndex;
  private readonly semicolon: NextIndex;
  constructor(private readonly text: string) {
    this.hash = new NextIndex(text, '#');
    this.semicolon = new NextIndex(text, ';');
  }

  /** The offset of the comment start in [from, to), or -1. */
  startIn(from: number, to: number): number {
    let at = from;
    for (;;) {
      const candidate = Math.min(this.hash.from(at), this.semicolon.from(at));
      if (candidate >= to) return -1;
      if (candidate === from || isJsWhitespace(this.text.charCodeAt(candidate - 1))) return candidate;
      at = candidate + 1;
    }
  }
}

function trimStart(text: string, from: number, to: number): number {
  while (from < to && isJsWhitespace(text.charCodeAt(from))) from++;
  return from;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isJsWhitespace(text.charCodeAt(to - 1))) to--;
  return to;
}

/** Exactly the characters JavaScript's `\s` matches. */
function isJsWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
