// Profile names for synced roles: an editable template such as `<account name>.<role>`,
// rendered and then reduced to characters every AWS tool reads back the same way in a
// `[profile NAME]` header: A-Z a-z 0-9 . _ - (a subset of what the JS SDK accepts,
// [\w\-@+.%:/]; botocore accepts more). Accents are folded (Ü -> U), everything else becomes `-`.

export const DEFAULT_PROFILE_NAME_TEMPLATE = '<account name>.<role>';

export type TemplateField = 'account name' | 'account id' | 'role' | 'session' | 'email';
export const TEMPLATE_FIELDS: readonly TemplateField[] = ['account name', 'account id', 'role', 'session', 'email'];

export interface ProfileNameInput {
  accountName: string;
  accountId: string;
  roleName: string;
  session: string;
  emailAddress: string | null;
}

const FIELD_PATTERN = /<([^<>]*)>/g;

/** Null when the template is usable, else why not. */
export function templateProblem(template: string): string | null {
  const fields = [...template.matchAll(FIELD_PATTERN)].map((m) => normaliseField(m[1] ?? ''));
  const unknown = fields.find((f) => !(TEMPLATE_FIELDS as readonly string[]).includes(f));
  if (unknown !== undefined)
    return `unknown field <${unknown}> in the name template; use ${TEMPLATE_FIELDS.map((f) => `<${f}>`).join(', ')}`;
  if (!fields.includes('role'))
    return 'the name template needs <role>, or two roles of one account would get the same name';
  if (!fields.includes('account name') && !fields.includes('account id'))
    return 'the name template needs <account name> or <account id>';
  return null;
}

export function renderProfileName(template: string, input: ProfileNameInput): string {
  const values: Record<TemplateField, string> = {
    'account name': input.accountName,
    'account id': input.accountId,
    role: input.roleName,
    session: input.session,
    email: input.emailAddress ?? '',
  };
  const raw = template.replace(
    FIELD_PATTERN,
    (_, field: string) => values[normaliseField(field) as TemplateField] ?? '',
  );
  const name = sanitizeProfileName(raw);
  // `[profile default]` would silently become the default profile.
  if (name === '' || name.toLowerCase() === 'default')
    return sanitizeProfileName(`${name || 'profile'}-${input.accountId}`);
  return name;
}

export function sanitizeProfileName(raw: string): string {
  return (
    raw
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      // `Prod (EU).Admin` -> `Prod-EU-.Admin` -> `Prod-EU.Admin`: a run of separators keeps the strongest.
      .replace(/[-.]{2,}/g, (run) => (run.includes('.') ? '.' : '-'))
      .replace(/^[-.]+|[-.]+$/g, '')
  );
}

function normaliseField(field: string): string {
  return field
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}
