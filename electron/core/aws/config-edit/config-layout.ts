// The line structure of an AWS shared config file, kept byte-exact so that an edit can change
// only the lines it must. Each line keeps its own line ending; joining `lines` gives back the
// input exactly (CRLF, a missing final newline, a BOM, odd spacing and comments included).
//
// Headers and keys are recognised the way the AWS SDK for JavaScript does (see ../ini-parser.ts
// and @smithy/core submodules/config/shared-ini-file-loader/parseIni.js): a header is a
// comment-stripped, trimmed line starting with `[` and ending with `]`; `[profile NAME]`,
// `[sso-session NAME]` and `[services NAME]` are identified as `profile.NAME` etc., anything
// else by its text (`default`). An indented line directly after a key is a continuation of that
// key (a sub-section such as `s3 =` + `  max_concurrent_requests = 10`, or a configparser
// multi-line value).
import { parseManagedMarker } from './managed-marker';

export interface ConfigLine {
  /** The line without its line ending. */
  content: string;
  /** '\n', '\r\n', or '' for a last line without a line ending. */
  eol: '' | '\n' | '\r\n';
}

export interface ConfigEntry {
  key: string;
  /** The value as the SDK reads it (trimmed, inline comment cut); '' for a sub-section key. */
  value: string;
  /** 0-based index of the key line. */
  line: number;
  /** 0-based index one past the key line and its continuation lines. */
  end: number;
}

export interface ConfigSectionBlock {
  /** `profile.NAME`, `sso-session.NAME`, `services.NAME`, or the header text (`default`). */
  id: string;
  /** 0-based index of the header line. */
  headerLine: number;
  /** The purpose of the app's marker comment directly above the header, or null. */
  marker: string | null;
  /** 0-based index of the marker line, or null. */
  markerLine: number | null;
  entries: ConfigEntry[];
  /** 0-based index one past the last key (and its continuation lines), or past the header when it has none. */
  contentEnd: number;
}

export interface ConfigLayout {
  lines: ConfigLine[];
  /** Every header occurrence in file order (a repeated section appears more than once). */
  blocks: ConfigSectionBlock[];
  /** The file's line ending, from its first line break ('\n' when it has none). */
  eol: '\n' | '\r\n';
}

const PREFIXED_HEADER = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
const SECTION_PREFIXES: readonly string[] = ['profile', 'sso-session', 'services'];
const COMMENT_START = /(^|\s)[;#]/;

export function splitConfigLines(text: string): ConfigLine[] {
  const lines: ConfigLine[] = [];
  let start = 0;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    if (lf === -1) {
      lines.push({ content: text.slice(start), eol: '' });
      break;
    }
    const crlf = lf > start && text[lf - 1] === '\r';
    lines.push({ content: text.slice(start, crlf ? lf - 1 : lf), eol: crlf ? '\r\n' : '\n' });
    start = lf + 1;
  }
  return lines;
}

/** The text the SDK sees on a line: inline comment cut, trimmed. */
export function meaningfulText(content: string): string {
  const comment = COMMENT_START.exec(content);
  return (comment === null ? content : content.slice(0, comment.index)).trim();
}

/** The SDK's id for a header's text, or null if the SDK ignores the section. */
export function sectionIdOfHeader(header: string): string | null {
  const match = PREFIXED_HEADER.exec(header);
  if (match === null) return header === '' ? null : header;
  const [, prefix = '', , name = ''] = match;
  return SECTION_PREFIXES.includes(prefix) ? `${prefix}.${name}` : null;
}

/** The header line text for a section id (`profile.x` -> `[profile x]`, `default` -> `[default]`). */
export function headerForSectionId(id: string): string {
  const dot = id.indexOf('.');
  const prefix = dot === -1 ? '' : id.slice(0, dot);
  return SECTION_PREFIXES.includes(prefix) ? `[${prefix} ${id.slice(dot + 1)}]` : `[${id}]`;
}

export function parseConfigLayout(text: string): ConfigLayout {
  const lines = splitConfigLines(text);
  const firstBreak = lines.find((l) => l.eol !== '');
  const eol = firstBreak?.eol === '\r\n' ? '\r\n' : '\n';
  const blocks: ConfigSectionBlock[] = [];
  let current: ConfigSectionBlock | null = null;
  let lastEntry: ConfigEntry | null = null;

  for (let index = 0; index < lines.length; index++) {
    const content = (lines[index] as ConfigLine).content;
    const meaningful = meaningfulText(content);
    if (meaningful.startsWith('[') && meaningful.endsWith(']')) {
      const markerLine = index > 0 ? parseManagedMarker((lines[index - 1] as ConfigLine).content) : null;
      current = {
        id: sectionIdOfHeader(meaningful.slice(1, -1)) ?? `?${meaningful}`,
        headerLine: index,
        marker: markerLine,
        markerLine: markerLine === null ? null : index - 1,
        entries: [],
        contentEnd: index + 1,
      };
      blocks.push(current);
      lastEntry = null;
      continue;
    }
    if (current === null) continue;
    if (meaningful === '') {
      // A blank or comment line ends a continuation.
      lastEntry = null;
      continue;
    }
    const indented = /^\s/.test(content);
    if (indented && lastEntry !== null) {
      lastEntry.end = index + 1;
      current.contentEnd = index + 1;
      continue;
    }
    const equals = meaningful.indexOf('=');
    if (equals <= 0) continue;
    lastEntry = {
      key: meaningful.slice(0, equals).trim(),
      value: meaningful.slice(equals + 1).trim(),
      line: index,
      end: index + 1,
    };
    current.entries.push(lastEntry);
    current.contentEnd = index + 1;
  }
  return { lines, blocks, eol };
}
