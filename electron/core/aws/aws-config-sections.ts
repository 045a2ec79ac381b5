// Turns the two parsed INI files into profiles and sso-sessions the way the AWS SDK for
// JavaScript names them (@smithy/shared-ini-file-loader: getConfigData, getSsoSessionData,
// mergeConfigFiles), keeping for every value the file and line it came from.
// Also warns where botocore (the AWS CLI, SkyPilot) would name a section differently.
import type { Problem, SourceLocation } from '../../shared/model';
import { IniValues, type IniDocument, type IniProblem, type IniSection, type IniValue } from './ini-parser';
import { excerpt } from '../../shared/excerpt';

/** A value with the file and line it came from. */
export type LocatedValue = IniValue;

export interface RawProfile {
  name: string;
  configSections: SourceLocation[];
  credentialsSections: SourceLocation[];
  /**
   * Config values overlaid by credentials values, key by key. Shares the INI section's map when
   * only one section contributes (10k-profile files stay cheap); never mutate it.
   * Secrets stay inside the core.
   */
  values: IniValues;
  /** The config file's own values for this profile (botocore's ConfigProvider reads keys only here). */
  configValues: IniValues | null;
  /** The credentials file's own values for this profile (botocore reads static keys there first). */
  credentialsValues: IniValues | null;
  problems: Problem[];
}

export interface RawSsoSession {
  name: string;
  source: SourceLocation;
  values: IniValues;
  problems: Problem[];
}

export interface RawAwsConfig {
  profiles: Map<string, RawProfile>;
  ssoSessions: Map<string, RawSsoSession>;
  problems: Problem[];
}

const SECTION_TYPES = ['profile', 'sso-session', 'services'] as const;

export function collectSections(
  config: { file: string; doc: IniDocument } | null,
  credentials: { file: string; doc: IniDocument } | null,
): RawAwsConfig {
  const profiles = new Map<string, RawProfile>();
  const ssoSessions = new Map<string, RawSsoSession>();
  const problems: Problem[] = [];
  // Where each INI section's problems go: a profile's, a session's, or the file's.
  const owners = new Map<string, Problem[]>();

  const newProfile = (name: string): RawProfile => {
    const profile: RawProfile = {
      name,
      configSections: NO_LOCATIONS,
      credentialsSections: NO_LOCATIONS,
      values: EMPTY,
      configValues: null,
      credentialsValues: null,
      problems: [],
    };
    profiles.set(name, profile);
    return profile;
  };
  const profileFor = (name: string): RawProfile => profiles.get(name) ?? newProfile(name);

  if (config !== null) {
    const { file, doc } = config;
    // getConfigData: `[profile default]` replaces `[default]` wholesale (when it has keys, since
    // the SDK's map only holds sections with keys); botocore instead keeps whichever comes last.
    const profileDefault = doc.find('profile.default');
    const bareDefault = doc.find('default');
    const defaultWinner =
      profileDefault !== undefined && profileDefault.values.size > 0 ? profileDefault : (bareDefault ?? profileDefault);

    // Owners are only needed to file the parser's problems; most files have none.
    const fileProblems = doc.problems.length > 0;
    // Indexed loops: this code mostly runs before V8 optimises it, where iterators cost.
    for (let s = 0; s < doc.sections.length; s++) {
      const section = doc.sections[s] as IniSection;
      // A prefixed header already split its type and name; `[profile.NAME]` and bare headers
      // are split here (see configSectionTarget).
      const target = section.prefix === null ? configSectionTarget(section) : null;
      const kind = target === null ? section.prefix : target.kind;
      const name =
        target === null ? section.name : target.kind === 'profile' || target.kind === 'sso-session' ? target.name : '';
      const botocoreDiffers =
        target !== null && (target.kind === 'profile' || target.kind === 'sso-session') && target.botocoreDiffers;
      if (kind === 'profile') {
        if (name === 'default' && section !== defaultWinner) {
          problems.push(shadowedDefault(section, file, profileDefault, bareDefault));
          continue;
        }
        // Each config profile name comes from one INI section (`[profile x]` and `[profile.x]`
        // are the same section, and only one of the two default sections gets here), so the
        // config file's profiles are all new: no lookup first.
        const profile = newProfile(name);
        profile.configSections = locations(file, section.lines);
        overlay(profile, section);
        profile.configValues = section.values;
        if (fileProblems) owners.set(section.id, profile.problems);
        if (botocoreDiffers) profile.problems.push(dottedHeaderWarning(section, file));
      } else if (kind === 'sso-session') {
        const session: RawSsoSession = {
          name,
          source: { file, line: section.lines[0] ?? 1 },
          values: section.values,
          problems: [],
        };
        ssoSessions.set(name, session);
        if (fileProblems) owners.set(section.id, session.problems);
        if (botocoreDiffers) session.problems.push(dottedHeaderWarning(section, file));
      } else if (kind === 'ignored') {
        problems.push({
          severity: 'warning',
          message: ignoredSectionMessage(section, file),
          file,
          line: section.lines[0] ?? 1,
        });
      }
    }
    if (fileProblems) attachProblems(doc.problems, owners, problems);
  }

  if (credentials !== null) {
    const { file, doc } = credentials;
    const credentialOwners = new Map<string, Problem[]>();
    const fileProblems = doc.problems.length > 0;
    for (let s = 0; s < doc.sections.length; s++) {
      const section = doc.sections[s] as IniSection;
      // The credentials file is not passed through getConfigData: a section's key is its name.
      const profile = profileFor(section.id);
      profile.credentialsSections = locations(file, section.lines);
      overlay(profile, section);
      profile.credentialsValues = section.values;
      if (fileProblems) credentialOwners.set(section.id, profile.problems);
      if (section.prefix !== null) {
        profile.problems.push({
          severity: 'warning',
          message: `[${excerpt(section.header)}] in ${file} names a profile "${excerpt(section.id)}" for the AWS SDK for JavaScript and "${excerpt(section.header)}" for botocore: the credentials file uses bare [NAME] headers`,
          file,
          line: section.lines[0] ?? 1,
        });
      }
    }
    if (fileProblems) attachProblems(doc.problems, credentialOwners, problems);
  }

  return { profiles, ssoSessions, problems };
}

type SectionTarget =
  { kind: 'profile' | 'sso-session'; name: string; botocoreDiffers: boolean } | { kind: 'services' | 'ignored' };

/** How getConfigData/getSsoSessionData file a config-file section. */
function configSectionTarget(section: IniSection): SectionTarget {
  if (section.id === 'default') return { kind: 'profile', name: 'default', botocoreDiffers: false };
  const dot = section.id.indexOf('.');
  const type = dot < 0 ? '' : section.id.slice(0, dot);
  if (!(SECTION_TYPES as readonly string[]).includes(type)) return { kind: 'ignored' };
  // `[profile.NAME]` (no space) reaches the SDK's map under the same key as `[profile NAME]`;
  // botocore's shlex-based split ignores it.
  const botocoreDiffers = section.prefix === null;
  const name = section.id.slice(dot + 1);
  if (type === 'profile') return { kind: 'profile', name, botocoreDiffers };
  if (type === 'sso-session') return { kind: 'sso-session', name, botocoreDiffers };
  return { kind: 'services' };
}

/**
 * The places of a section's headers. Built whole rather than pushed one by one: a pushed list
 * reserves room for 17, and a 10,000-profile file keeps one per profile until the parse ends.
 * Each profile gets at most one section per file, so nothing is added to it afterwards.
 */
function locations(file: string, lines: readonly number[]): SourceLocation[] {
  if (lines.length === 1) return [{ file, line: lines[0] as number }];
  return lines.map((line) => ({ file, line }));
}

/** A profile's sections in a file until it has one there: replaced, never pushed to. */
const NO_LOCATIONS: SourceLocation[] = [];

/** No values: a profile's until a section gives it some. Never set a key in it. */
const EMPTY = new IniValues();

/** Lays a section's values over a profile's (later wins), copying only when a second section contributes. */
function overlay(profile: RawProfile, section: IniSection): void {
  profile.values = profile.values === EMPTY ? section.values : IniValues.overlaid(profile.values, section.values);
}

function attachProblems(iniProblems: IniProblem[], owners: Map<string, Problem[]>, fallback: Problem[]): void {
  for (const { sectionId, ...problem } of iniProblems) {
    const owner = sectionId === null ? undefined : owners.get(sectionId);
    (owner ?? fallback).push(problem);
  }
}

function dottedHeaderWarning(section: IniSection, file: string): Problem {
  const spaced = section.id.replace('.', ' ');
  return {
    severity: 'warning',
    message: `[${excerpt(section.header)}] is read by the AWS SDK for JavaScript but ignored by botocore (the AWS CLI, SkyPilot): write [${excerpt(spaced)}]`,
    file,
    line: section.lines[0] ?? 1,
  };
}

function shadowedDefault(
  section: IniSection,
  file: string,
  profileDefault: IniSection | undefined,
  bareDefault: IniSection | undefined,
): Problem {
  const other = section === bareDefault ? profileDefault : bareDefault;
  const otherLine = other?.lines[0];
  return {
    severity: 'warning',
    message:
      section === bareDefault
        ? `[default] is ignored because [profile default] (line ${otherLine ?? '?'}) also exists: the AWS SDK for JavaScript reads only [profile default], botocore (the AWS CLI, SkyPilot) whichever comes last`
        : `[profile default] has no keys, so [default] is used instead`,
    file,
    line: section.lines[0] ?? 1,
  };
}

function ignoredSectionMessage(section: IniSection, file: string): string {
  const typed = /^(profile|sso-session|services)\s/.exec(section.header);
  if (typed !== null) {
    // `[profile "my name"]`, `[profile  two-spaces]`: botocore may read these (it splits the
    // header like a shell), the JS SDK does not.
    return `[${excerpt(section.header)}] in ${file} is ignored by the AWS SDK for JavaScript: after "${excerpt(typed[1] ?? '')}" it wants one space and a name of letters, digits and - _ . @ + % : / only`;
  }
  return `[${excerpt(section.header)}] in ${file} is not read as a profile: in the config file a profile is written [profile NAME] (only [default] may omit "profile")`;
}
