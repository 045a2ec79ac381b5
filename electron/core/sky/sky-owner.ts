// The `owner` column as SkyPilot reads it, and which cloud an owner belongs to.
// Upstream: sky/global_user_state.py `_load_owner`, sky/backends/backend_utils.py
// `check_owner_identity`, and each cloud's `get_user_identities` (sky/clouds/aws.py, gcp.py, azure.py).
import type { SkyCloud, SkyOwnerValue } from './sky-types';

export interface ParsedOwner {
  value: SkyOwnerValue;
  identity: string[] | null;
  /** Set when the list holds something other than strings (SkyPilot would fail comparing it). */
  problem: string | null;
}

/**
 * SkyPilot: `json.loads(owner)`; a list is used as is; any other non-null value (a legacy plain
 * string, or a string JSON reads as a number, such as an AWS account id) becomes `[owner_text]`;
 * text that is not JSON at all (an old AWS UserId) also becomes `[owner_text]`; `null` stays null.
 */
export function parseOwner(text: string | null): ParsedOwner {
  if (text === null) return { value: null, identity: null, problem: null };
  let parsed: SkyOwnerValue;
  try {
    parsed = JSON.parse(text) as SkyOwnerValue;
  } catch {
    return { value: text, identity: [text], problem: null };
  }
  if (parsed === null) return { value: null, identity: null, problem: null };
  if (!Array.isArray(parsed)) return { value: parsed, identity: [text], problem: null };
  const strings = parsed.filter((item): item is string => typeof item === 'string');
  if (strings.length !== parsed.length) {
    return {
      value: parsed,
      identity: parsed.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))),
      problem: 'the owner list holds values that are not strings',
    };
  }
  return { value: parsed, identity: strings, problem: null };
}

/** SkyPilot strips the newlines and backslashes cloud CLIs (gcloud) left in stored owners. */
export function cleanOwnerElement(owner: string): string {
  return owner.replaceAll('\n', '').replaceAll('\\', '');
}

/**
 * The index of the first element where the owner and a candidate identity agree, comparing only
 * as many elements as the shorter has (Python's zip), or -1. Index 0 is the strict match.
 */
export function ownerMatchIndex(owner: readonly string[], candidate: readonly string[]): number {
  const length = Math.min(owner.length, candidate.length);
  for (let i = 0; i < length; i++) {
    if (cleanOwnerElement(owner[i]!) === candidate[i]) return i;
  }
  return -1;
}

const AWS_ACCOUNT = /^\d{12}$/;
// IAM unique ids (AIDA user, AROA role[:session], ASIA/AKIA keys, ...) and a root's account id.
const AWS_USER_ID = /^(?:A[A-Z]{3}[A-Z0-9]{12,}(?::.+)?|\d{12})$/;
const GCP_IDENTITY = / \[project_id=[^\]]*\]$/;
const AZURE_IDENTITY = / \[subscription_id=[^\]]*\]$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** SkyPilot's `cloud` column holds the cloud's repr (`AWS`, `GCP`, `Azure`, `Kubernetes`, ...). */
export function cloudFromColumn(value: string | null): SkyCloud | null {
  if (!value) return null;
  const lower = value.trim().toLowerCase();
  return lower === '' ? null : lower;
}

/** Guesses the cloud from the identity shape each cloud records; null when the shape says nothing. */
export function cloudFromOwner(identity: readonly string[] | null): SkyCloud | null {
  if (!identity || identity.length === 0) return null;
  const first = cleanOwnerElement(identity[0]!);
  if (identity.length === 2 && AWS_ACCOUNT.test(identity[1]!) && AWS_USER_ID.test(first)) return 'aws';
  if (GCP_IDENTITY.test(first)) return 'gcp';
  if (AZURE_IDENTITY.test(first)) return 'azure';
  if (identity.length === 1 && AWS_USER_ID.test(first)) return 'aws';
  if (identity.length === 1 && EMAIL.test(first)) return 'gcp';
  return null;
}

/** How SkyPilot prints an AWS identity. */
export const awsIdentityText = (userId: string, account: string): string => `${userId} [account=${account}]`;

/** SkyPilot's GCP identity: one string, the account and project together. */
export const gcpIdentityText = (account: string, project: string): string => `${account} [project_id=${project}]`;

/** Splits a GCP owner back into account and project, when it has that shape. */
export function splitGcpIdentity(text: string): { account: string; project: string } | null {
  const match = /^(.*) \[project_id=([^\]]*)\]$/.exec(cleanOwnerElement(text));
  return match ? { account: match[1]!, project: match[2]! } : null;
}
