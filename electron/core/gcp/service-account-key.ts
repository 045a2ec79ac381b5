// Validates a file a user offers as a service-account key, and says precisely what it is when it
// is not one. Fields as the IAM console downloads them
// (https://cloud.google.com/iam/docs/keys-create-delete); gcloud itself only checks
// `client_email` and crashes on a corrupt key, hence crypto.createPrivateKey here.
import { extname } from 'node:path';
import { hasControlCharacters } from '../../shared/control-characters';
import { NotRegularFileError, openRegularFile } from '../fs/regular-file';
import { isJsonObject, stringField, summarizeCredential, type JsonObject } from './credential-json';
import { errnoCode } from '../fs/errno';
import { jsonSyntaxWhere } from '../fs/json-syntax-error';
import { nodeCrypto } from '../node-crypto';

export const MAX_KEY_FILE_BYTES = 1024 * 1024;
export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/** The non-secret facts about a valid key: safe to show, log and store in settings. */
export interface ServiceAccountKey {
  keyId: string;
  clientEmail: string;
  projectId: string | null;
  clientId: string | null;
  tokenUri: string;
  universeDomain: string;
}

/** The key itself, for the few core functions that sign with it. Never leaves the core. */
export interface ServiceAccountSecret {
  key: ServiceAccountKey;
  privateKeyPem: string;
  /** The exact bytes of the file (less a byte-order mark), for copying into the key store. */
  bytes: Buffer;
}

export type KeyRejectionReason =
  | 'unsafe-path'
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'too-large'
  | 'p12'
  | 'binary'
  | 'empty'
  | 'truncated'
  | 'not-json'
  | 'not-an-object'
  | 'oauth-client-secret'
  | 'authorized-user'
  | 'external-account'
  | 'external-account-authorized-user'
  | 'impersonated-service-account'
  | 'gdch-service-account'
  | 'unknown-type'
  | 'missing-fields'
  | 'bad-client-email'
  | 'bad-key-id'
  | 'bad-private-key';

export type KeyValidation =
  { ok: true; key: ServiceAccountKey } | { ok: false; reason: KeyRejectionReason; message: string };

type SecretValidation =
  { ok: true; secret: ServiceAccountSecret } | { ok: false; reason: KeyRejectionReason; message: string };

const reject = (
  reason: KeyRejectionReason,
  message: string,
): { ok: false; reason: KeyRejectionReason; message: string } => ({ ok: false, reason, message });

// A service account's address: <name>@<project>.iam.gserviceaccount.com, or a default account
// such as <number>-compute@developer.gserviceaccount.com / <project>@appspot.gserviceaccount.com.
const CLIENT_EMAIL = /^[a-z0-9][a-z0-9-]{0,62}@[a-z0-9.:-]+\.(?:iam\.)?gserviceaccount\.com$/i;
const CLIENT_EMAIL_OTHER_UNIVERSE = /^[a-z0-9][a-z0-9-]{0,62}@[a-z0-9.:-]+\.[a-z0-9.-]+$/i;
// It becomes a file name and a keychain account: keep it to what Google issues (40 hex digits).
const KEY_ID = /^[A-Za-z0-9_-]{1,128}$/;

function looksLikeP12(bytes: Buffer, path: string): boolean {
  const ext = extname(path).toLowerCase();
  // PKCS#12 is DER: an ASN.1 SEQUENCE (0x30) with a long-form length (0x80..0x84).
  return ext === '.p12' || ext === '.pfx' || (bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x80 && (bytes[1] ?? 0) <= 0x84);
}

function decodeText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

const WRONG_KIND: Partial<Record<string, { reason: KeyRejectionReason; message: string }>> = {
  oauth_client_secret: {
    reason: 'oauth-client-secret',
    message:
      'This is an OAuth client secret (client_secret_*.json), which identifies an app, not a service account. In the console, open IAM & Admin > Service accounts > Keys > Add key > JSON and use the file it downloads.',
  },
  authorized_user: {
    reason: 'authorized-user',
    message:
      'This is a user credential (authorized_user, e.g. application_default_credentials.json from `gcloud auth application-default login`), not a service-account key. It is already usable as is; it cannot be imported as a key.',
  },
  external_account: {
    reason: 'external-account',
    message:
      'This is a workload identity federation configuration (external_account), not a service-account key. It was not used: such files can run a program (credential_source.executable), which this app never does for a file it did not create.',
  },
  external_account_authorized_user: {
    reason: 'external-account-authorized-user',
    message:
      'This is a workforce identity federation user credential (external_account_authorized_user), not a service-account key.',
  },
  impersonated_service_account: {
    reason: 'impersonated-service-account',
    message:
      'This is an impersonation configuration (impersonated_service_account): it holds another credential and borrows a service account, but no key of its own. Import a JSON key of the service account instead.',
  },
  gdch_service_account: {
    reason: 'gdch-service-account',
    message:
      'This is a Google Distributed Cloud Hosted service identity (gdch_service_account), which gcloud cannot activate as a service-account key.',
  },
};

function tooLarge(size: number): { ok: false; reason: KeyRejectionReason; message: string } {
  return reject(
    'too-large',
    `This file is ${(size / 1024 / 1024).toFixed(1)} MiB; a service-account key is about 2.3 KiB. It is not a key file.`,
  );
}

/** Validates the bytes of a would-be key file; `path` only lends its extension to the messages. */
export function parseServiceAccountKey(bytes: Buffer, path = 'key.json'): SecretValidation {
  if (bytes.length > MAX_KEY_FILE_BYTES) return tooLarge(bytes.length);
  if (bytes.length === 0) return reject('empty', 'This file is empty.');
  if (looksLikeP12(bytes, path)) {
    return reject(
      'p12',
      'This is a P12 (PKCS#12) key, the legacy binary format. Create a JSON key instead (IAM & Admin > Service accounts > Keys > Add key > JSON).',
    );
  }
  const text = decodeText(bytes);
  if (text === null) return reject('binary', 'This is a binary file, not a JSON key.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (text.trimStart().startsWith('{') && /end of JSON input|Unterminated|Expected .* after/i.test(message)) {
      return reject(
        'truncated',
        'This JSON file is cut short (truncated): the download or copy did not finish. Download the key again.',
      );
    }
    // Never V8's message: it quotes the file (jsonSyntaxWhere in fs/json-syntax-error.ts).
    return reject('not-json', `This is not JSON${jsonSyntaxWhere(error, text)}.`);
  }
  if (!isJsonObject(parsed)) return reject('not-an-object', 'This JSON file is not a credential: it is not an object.');
  return checkFields(parsed, withoutBom(bytes));
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The bytes without a leading UTF-8 byte-order mark. Some editors on Windows add one; gcloud
 * (Python's json.load) and Node's JSON.parse refuse JSON that starts with it, so the copy the
 * app keeps and hands to them must not.
 */
export function withoutBom(bytes: Buffer): Buffer {
  return bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
}

function checkFields(json: JsonObject, bytes: Buffer): SecretValidation {
  const summary = summarizeCredential(json);
  const wrong = WRONG_KIND[summary.kind];
  if (wrong) return reject(wrong.reason, wrong.message);
  if (summary.kind !== 'service_account') {
    const type = summary.type ? `type "${summary.type}"` : 'no "type" field';
    return reject('unknown-type', `This JSON file has ${type}; a service-account key has "type": "service_account".`);
  }
  const missing = ['client_email', 'private_key', 'private_key_id'].filter((name) => stringField(json, name) === null);
  if (missing.length > 0)
    return reject('missing-fields', `This key is missing ${missing.map((m) => `"${m}"`).join(', ')}.`);
  const clientEmail = stringField(json, 'client_email') ?? '';
  const universeDomain = stringField(json, 'universe_domain') ?? 'googleapis.com';
  const emailShape = universeDomain === 'googleapis.com' ? CLIENT_EMAIL : CLIENT_EMAIL_OTHER_UNIVERSE;
  if (!emailShape.test(clientEmail)) {
    return reject(
      'bad-client-email',
      `"client_email" is ${JSON.stringify(clientEmail.slice(0, 100))}, not a service-account address (name@project.iam.gserviceaccount.com).`,
    );
  }
  const keyId = stringField(json, 'private_key_id') ?? '';
  if (!KEY_ID.test(keyId))
    return reject('bad-key-id', '"private_key_id" is not a key id Google issues (letters, digits, - and _).');
  const privateKeyPem = stringField(json, 'private_key') ?? '';
  try {
    const keyObject = nodeCrypto().createPrivateKey({ key: privateKeyPem, format: 'pem' });
    if (keyObject.asymmetricKeyType !== 'rsa') {
      return reject(
        'bad-private-key',
        `"private_key" is a ${keyObject.asymmetricKeyType ?? 'non-RSA'} key; service-account keys are RSA.`,
      );
    }
  } catch {
    return reject(
      'bad-private-key',
      '"private_key" is not a readable PEM private key (damaged or edited). Download the key again.',
    );
  }
  const tokenUri = stringField(json, 'token_uri') ?? GOOGLE_TOKEN_URI;
  const key: ServiceAccountKey = {
    keyId,
    clientEmail,
    projectId: stringField(json, 'project_id'),
    clientId: stringField(json, 'client_id'),
    tokenUri,
    universeDomain,
  };
  return { ok: true, secret: { key, privateKeyPem, bytes } };
}

/** Reads at most MAX_KEY_FILE_BYTES + 1 bytes: a huge file is rejected without loading it. */
export async function readServiceAccountKeyFile(path: string): Promise<SecretValidation> {
  if (hasControlCharacters(path)) {
    return reject(
      'unsafe-path',
      `The path ${JSON.stringify(path)} has a control character (a line break, tab or escape) in it; rename the file, then try again.`,
    );
  }
  let handle;
  try {
    handle = await openRegularFile(path);
  } catch (error) {
    if (error instanceof NotRegularFileError) return reject('not-a-file', `${path} is ${error.kind}, not a key file.`);
    const code = errnoCode(error);
    if (code === 'ENOENT') return reject('not-found', `${path} does not exist.`);
    return reject('unreadable', `${path} cannot be read (${code ?? String(error)}).`);
  }
  try {
    const stats = await handle.stat();
    if (stats.size > MAX_KEY_FILE_BYTES) return tooLarge(stats.size);
    const buffer = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return parseServiceAccountKey(buffer.subarray(0, bytesRead), path);
  } catch (error) {
    const code = errnoCode(error);
    return reject(
      code === 'EISDIR' ? 'not-a-file' : 'unreadable',
      `${path} cannot be read (${code ?? String(error)}).`,
    );
  } finally {
    await handle.close();
  }
}

/** The public entry point: metadata of a valid key, or why the file is not one. */
export async function validateKeyFile(path: string): Promise<KeyValidation> {
  const result = await readServiceAccountKeyFile(path);
  return result.ok ? { ok: true, key: result.secret.key } : result;
}
