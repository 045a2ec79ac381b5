// Minimal-line edits of an AWS shared config file: set or remove a key in a section, add a
// section at the end, remove a section the app created. Every line an edit does not need to
// change stays byte-identical (its line ending, spacing, comments, order). This module only
// computes the new text; writing it goes through ../../fs/safe-file-writer.
//
// Ownership: an edit may name `requireMarker`, the purpose of the app's marker comment
// (./managed-marker.ts); it then applies only if every occurrence of the section carries exactly
// that marker. Removing a section always requires it, so the user's own sections are never
// removed. A refused edit becomes a Problem and the other edits still apply.
import type { Problem } from '../../../shared/model';
import {
  headerForSectionId,
  parseConfigLayout,
  sectionIdOfHeader,
  type ConfigLayout,
  type ConfigLine,
  type ConfigSectionBlock,
} from './config-layout';
import { managedMarkerLine } from './managed-marker';

export type ConfigEdit =
  | { op: 'set'; section: string; key: string; value: string; requireMarker?: string }
  | { op: 'unset'; section: string; key: string; requireMarker?: string }
  | {
      op: 'add-section';
      section: string;
      entries: ReadonlyArray<readonly [key: string, value: string]>;
      marker?: string;
    }
  | { op: 'remove-section'; section: string; requireMarker: string };

export interface ConfigEditResult {
  text: string;
  changed: boolean;
  /** Edits that were refused (unknown section, unmarked section, invalid key or value). */
  problems: Problem[];
}

interface SectionPlan {
  sets: Map<string, string>;
  unsets: Set<string>;
  remove: boolean;
}

/** A replacement of lines [start, end) by `lines`. */
interface Splice {
  start: number;
  end: number;
  lines: ConfigLine[];
}

const KEY_PATTERN = /^[A-Za-z0-9_.-]+$/;

/** Section ids in the SDK's form: `profile.NAME`, `sso-session.NAME`, `default`. */
export function profileSectionId(profileName: string): string {
  return profileName === 'default' ? 'default' : `profile.${profileName}`;
}

export function applyConfigEdits(text: string, edits: readonly ConfigEdit[]): ConfigEditResult {
  const layout = parseConfigLayout(text);
  const problems: Problem[] = [];
  const refuse = (message: string): void => {
    problems.push({ severity: 'error', message });
  };
  const blocksById = new Map<string, ConfigSectionBlock[]>();
  for (const block of layout.blocks) blocksById.set(block.id, [...(blocksById.get(block.id) ?? []), block]);

  const plans = new Map<string, SectionPlan>();
  const additions: Array<Extract<ConfigEdit, { op: 'add-section' }>> = [];
  const added = new Set<string>();

  for (const edit of edits) {
    const blocks = blocksById.get(edit.section) ?? [];
    if (edit.op === 'add-section') {
      const invalid =
        invalidSectionId(edit.section) ??
        edit.entries.map(([k, v]) => invalidEntry(k, v)).find((m) => m !== null) ??
        null;
      if (invalid !== null) refuse(invalid);
      else if (blocks.length > 0 || added.has(edit.section))
        refuse(`${headerForSectionId(edit.section)} already exists; not added again`);
      else {
        additions.push(edit);
        added.add(edit.section);
      }
      continue;
    }
    if (blocks.length === 0) {
      refuse(`${headerForSectionId(edit.section)} is not in the file`);
      continue;
    }
    const unowned = blocks.find((b) => edit.requireMarker !== undefined && b.marker !== edit.requireMarker);
    if (unowned !== undefined) {
      refuse(
        `${headerForSectionId(edit.section)} at line ${unowned.headerLine + 1} is not marked "${edit.requireMarker}"; left as it is`,
      );
      continue;
    }
    const plan = plans.get(edit.section) ?? { sets: new Map(), unsets: new Set(), remove: false };
    plans.set(edit.section, plan);
    if (edit.op === 'remove-section') plan.remove = true;
    else if (edit.op === 'unset') {
      plan.sets.delete(edit.key);
      plan.unsets.add(edit.key);
    } else {
      const invalid = invalidEntry(edit.key, edit.value);
      if (invalid !== null) refuse(invalid);
      else {
        plan.unsets.delete(edit.key);
        plan.sets.set(edit.key, edit.value);
      }
    }
  }

  const splices: Splice[] = [];
  for (const [id, plan] of plans) {
    const blocks = blocksById.get(id) ?? [];
    if (plan.remove) splices.push(...blocks.map((b) => removalSplice(layout, b)));
    else splices.push(...keySplices(layout, blocks, plan));
  }

  const lines = applySplices(layout.lines, splices);
  for (const edit of additions) lines.push(...sectionLines(lines, edit, layout.eol));
  // A line that was last without a line ending and now has lines after it needs one.
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] as ConfigLine;
    if (line.eol === '') lines[i] = { content: line.content, eol: layout.eol };
  }
  let newText = '';
  for (const line of lines) newText += line.content + line.eol;
  return { text: newText, changed: newText !== text, problems };
}

/**
 * A section's marker, header and keys, and the one blank line directly above it (the separator
 * `add-section` writes), so add-then-remove gives back the original text. Blank and comment
 * lines after the last key stay: they may be the user's, about what follows.
 */
function removalSplice(layout: ConfigLayout, block: ConfigSectionBlock): Splice {
  let start = block.markerLine ?? block.headerLine;
  if (start > 0 && (layout.lines[start - 1] as ConfigLine).content.trim() === '') start--;
  return { start, end: block.contentEnd, lines: [] };
}

function keySplices(layout: ConfigLayout, blocks: readonly ConfigSectionBlock[], plan: SectionPlan): Splice[] {
  const splices: Splice[] = [];
  for (const block of blocks) {
    for (const entry of block.entries) {
      if (plan.unsets.has(entry.key)) splices.push({ start: entry.line, end: entry.end, lines: [] });
    }
  }
  const last = blocks.at(-1) as ConfigSectionBlock;
  const missing = new Map<ConfigSectionBlock, ConfigLine[]>();
  for (const [key, value] of plan.sets) {
    // The SDK keeps the last value of a key, so edit the last occurrence of it.
    const holder = [...blocks].reverse().find((b) => b.entries.some((e) => e.key === key));
    const entry = holder?.entries.filter((e) => e.key === key).at(-1);
    if (entry === undefined) {
      missing.set(last, [...(missing.get(last) ?? []), { content: `${key} = ${value}`, eol: layout.eol }]);
      continue;
    }
    if (entry.value === value && entry.end === entry.line + 1) continue;
    const original = layout.lines[entry.line] as ConfigLine;
    splices.push({
      start: entry.line,
      end: entry.end,
      lines: [{ content: rewriteValue(original.content, value), eol: original.eol }],
    });
  }
  for (const [block, newLines] of missing) {
    const at = block.entries.at(-1)?.end ?? block.headerLine + 1;
    splices.push({ start: at, end: at, lines: newLines });
  }
  return splices;
}

/** Keeps the key's spelling, indentation and spacing around `=`; replaces what follows. */
function rewriteValue(content: string, value: string): string {
  const equals = content.indexOf('=');
  let head = content.slice(0, equals + 1);
  const spacing = /^[ \t]*/.exec(content.slice(equals + 1))?.[0] ?? '';
  if (spacing === '' && content.slice(equals + 1).trim() === '') head += ' ';
  return `${head}${spacing}${value}`;
}

function applySplices(original: readonly ConfigLine[], splices: Splice[]): ConfigLine[] {
  const lines = [...original];
  // From the bottom up so earlier indices stay valid; at the same start, the removal first so an
  // insertion at that point lands before what follows the removed range.
  const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const splice of ordered) lines.splice(splice.start, splice.end - splice.start, ...splice.lines);
  return lines;
}

function sectionLines(
  existing: readonly ConfigLine[],
  edit: Extract<ConfigEdit, { op: 'add-section' }>,
  eol: '\n' | '\r\n',
): ConfigLine[] {
  const lines: ConfigLine[] = [];
  // Always one blank line of our own before the section, even after a blank line of the user's:
  // removal takes exactly that line back, so add-then-remove restores the file byte for byte.
  if (existing.length > 0) lines.push({ content: '', eol });
  if (edit.marker !== undefined) lines.push({ content: managedMarkerLine(edit.marker), eol });
  lines.push({ content: headerForSectionId(edit.section), eol });
  for (const [key, value] of edit.entries) lines.push({ content: `${key} = ${value}`, eol });
  return lines;
}

function invalidSectionId(id: string): string | null {
  const header = headerForSectionId(id);
  return sectionIdOfHeader(header.slice(1, -1)) === id && !/[\r\n#;]/.test(id)
    ? null
    : `"${id}" cannot be written as a section header the AWS SDKs read back`;
}

function invalidEntry(key: string, value: string): string | null {
  if (!KEY_PATTERN.test(key)) return `"${key}" is not a valid config key`;
  // Values are single-line; the SDK would cut ` #...` / ` ;...` as a comment and trims spaces.
  if (value === '' || /[\r\n]/.test(value) || /\s[#;]/.test(value) || value.trim() !== value) {
    return `the value for "${key}" cannot be written on one line as-is: ${JSON.stringify(value)}`;
  }
  return null;
}
