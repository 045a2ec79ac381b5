// What kind of Google credential a JSON document is, and who it names, without touching its
// secrets. Types as google-auth reads them (google-auth-library-nodejs src/auth/googleauth.ts,
// fromJSON; google-auth-library-python google/auth/_default.py).

export type CredentialKind =
  | 'service_account'
  | 'authorized_user'
  | 'external_account'
  | 'external_account_authorized_user'
  | 'impersonated_service_account'
  | 'gdch_service_account'
  | 'oauth_client_secret'
  | 'unknown';

export interface CredentialSummary {
  kind: CredentialKind;
  /** The document's own `type` string, when it has one. */
  type: string | null;
  /** The identity it acts as, when the document names it. */
  account: string | null;
  project: string | null;
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function stringField(json: JsonObject, name: string): string | null {
  const value = json[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

const KNOWN_TYPES = new Set<CredentialKind>([
  'service_account',
  'authorized_user',
  'external_account',
  'external_account_authorized_user',
  'impersonated_service_account',
  'gdch_service_account',
]);

/** `.../serviceAccounts/<email>:generateAccessToken` -> `<email>`. */
export function impersonatedAccount(url: string | null): string | null {
  if (!url) return null;
  const match = /serviceAccounts\/([^/:]+):generateAccessToken/.exec(url);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export function summarizeCredential(json: JsonObject): CredentialSummary {
  const type = stringField(json, 'type');
  if (!type && (isJsonObject(json.installed) || isJsonObject(json.web))) {
    return { kind: 'oauth_client_secret', type: null, account: null, project: null };
  }
  const kind: CredentialKind = type && KNOWN_TYPES.has(type as CredentialKind) ? (type as CredentialKind) : 'unknown';
  const project = stringField(json, 'project_id') ?? stringField(json, 'quota_project_id');
  switch (kind) {
    case 'service_account':
      return { kind, type, account: stringField(json, 'client_email'), project };
    case 'authorized_user':
      // gcloud writes `"account": ""` in ADC files; newer versions may fill it in.
      return { kind, type, account: stringField(json, 'account'), project };
    case 'external_account':
    case 'impersonated_service_account':
      return {
        kind,
        type,
        account: impersonatedAccount(stringField(json, 'service_account_impersonation_url')),
        project,
      };
    default:
      return { kind, type, account: null, project };
  }
}
