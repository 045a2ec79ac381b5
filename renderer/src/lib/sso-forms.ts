// Checks for the "New SSO session" and "add a profile" forms, in the words of the fields, before
// anything is sent (the core checks again: these only spare the user a round trip).

export interface NewSessionFields {
  name: string;
  startUrl: string;
  region: string;
  /** Comma- or space-separated. */
  scopes: string;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const SCOPE = /^[\w:.\-/]+$/;

export function parseScopes(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}

export function checkNewSession(
  fields: NewSessionFields,
  existing: readonly string[],
): FieldErrors<keyof NewSessionFields> {
  const errors: FieldErrors<keyof NewSessionFields> = {};
  const name = fields.name.trim();
  if (name === '') errors.name = 'Give the session a name.';
  else if (!NAME.test(name)) errors.name = 'Use letters, digits, ".", "_" or "-".';
  else if (existing.includes(name)) errors.name = `A session named ${name} already exists.`;
  if (!URL.canParse(fields.startUrl.trim()) || new URL(fields.startUrl.trim()).protocol !== 'https:')
    errors.startUrl = 'An https:// address, e.g. https://my-org.awsapps.com/start';
  if (!REGION.test(fields.region.trim())) errors.region = 'An AWS region such as us-east-1.';
  if (parseScopes(fields.scopes).some((s) => !SCOPE.test(s)))
    errors.scopes = 'Scope names such as sso:account:access, separated by commas.';
  return errors;
}

/** A profile name like the sync's default template, `<account name>.<role>`, in safe characters. */
export function suggestProfileName(accountName: string, roleName: string): string {
  const safe = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  // A profile name starts with a letter, digit or underscore (checkProfileName).
  return [safe(accountName), safe(roleName)]
    .filter((s) => s !== '')
    .join('.')
    .replace(/^[.-]+/, '');
}

const PROFILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export function checkProfileName(name: string, existing: readonly string[]): string | null {
  if (name === '') return 'Give the profile a name.';
  if (!PROFILE_NAME.test(name)) return 'Use letters, digits, ".", "_" or "-".';
  if (existing.includes(name)) return `A profile named ${name} already exists.`;
  return null;
}
