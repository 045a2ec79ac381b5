// Turns whatever the AWS SDK threw while resolving a profile's credentials or calling STS into
// one of the app's error kinds, with a message a user can act on and no secret in it.
// The SDK's wording is matched where it has no error code; the strings come from
// aws-sdk-js-v3 packages/credential-provider-{ini,sso,process} and @aws-sdk/token-providers.
import type { IdentityCheckErrorKind } from '../../shared/model';
import { awsSsoLoginCommand, cloudidCommand } from '../../shared/shell-commands';
import { formatSeconds, whatToCheck, type NetworkEndpoint } from '../net/deadline';

export interface IdentityCheckError {
  kind: IdentityCheckErrorKind;
  message: string;
}

export interface ClassifyContext {
  profile: string;
  /** Whether the profile has a section in the config or credentials file; null when not known. */
  profileExists: boolean | null;
  /** The verifier's own deadline, for the timeout message. */
  timeoutMs: number;
  /** The STS the check went to, for the timeout message. */
  endpoint?: NetworkEndpoint;
}

/** The verifier throws this when its own deadline passes. */
export class IdentityCheckTimeout extends Error {
  override readonly name = 'IdentityCheckTimeout';
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
  'EADDRNOTAVAIL',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'AbortError', 'IdentityCheckTimeout', 'RequestTimeout']);
const EXPIRED_CODES = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'ForbiddenException',
]);
/** The SSO portal's answers to a revoked or unknown access token. */
const SSO_TOKEN_CODES = new Set(['UnauthorizedException', 'InvalidGrantException']);

const MAX_MESSAGE = 400;

/** Masks access key ids, long token-like runs and `secret=...` style values. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{12,}\b/g, '$1****')
    .replace(
      /\b((?:aws_)?(?:secret|token|password|session_token|secret_access_key)\w*\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi,
      '$1[redacted]',
    )
    .replace(/(?<![\w:/.-])(?=[A-Za-z0-9+/_=-]*\d)(?=[A-Za-z0-9+/_=-]*[A-Za-z])[A-Za-z0-9+/_=-]{32,}/g, '[redacted]');
}

function tidy(text: string): string {
  const redacted = redactSecrets(text.replace(/\s+/g, ' ').trim());
  return redacted.length > MAX_MESSAGE ? `${redacted.slice(0, MAX_MESSAGE - 1)}…` : redacted;
}

/** How to fix a missing or expired SSO login, in the app's own words. */
export function ssoLoginGuidance(profile: string): string {
  return `AWS SSO login required for profile ${profile}. Log in: ${cloudidCommand('login', profile)} (or: ${awsSsoLoginCommand(profile)})`;
}

interface ErrorFacts {
  name: string;
  message: string;
  code: string | null;
  httpStatus: number | null;
}

function facts(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) {
    return { name: 'Error', message: String(error), code: null, httpStatus: null };
  }
  const e = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    Code?: unknown;
    cause?: { code?: unknown };
    errors?: Array<{ code?: unknown }>;
    $metadata?: { httpStatusCode?: unknown };
  };
  // Node reports a failed connection to every address of a host as an AggregateError.
  const code = [e.code, e.cause?.code, e.errors?.[0]?.code].find((c): c is string => typeof c === 'string') ?? null;
  const status = e.$metadata?.httpStatusCode;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : '',
    code,
    httpStatus: typeof status === 'number' ? status : null,
  };
}

const KNOWN_NAMES = new Set([...TIMEOUT_NAMES, ...EXPIRED_CODES, ...DENIED_CODES, ...SSO_TOKEN_CODES]);

/**
 * The SSO provider wraps the portal's and the network's errors as `new CredentialsProviderError(e)`,
 * which keeps only `String(e)` ("UnauthorizedException: ...", "Error: connect ECONNREFUSED ...").
 */
function unwrapProviderError(f: ErrorFacts): ErrorFacts {
  if (f.name !== 'CredentialsProviderError' && f.name !== 'TokenProviderError') return f;
  const errno = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(f.message)?.[1];
  const code = f.code ?? (errno !== undefined && (NETWORK_CODES.has(errno) || TIMEOUT_CODES.has(errno)) ? errno : null);
  const inner = /^(\w+): ([\s\S]*)$/.exec(f.message);
  if (inner?.[1] && KNOWN_NAMES.has(inner[1])) return { ...f, name: inner[1], message: inner[2] ?? '', code };
  return { ...f, code };
}

const UNRESOLVED = /Could not resolve credentials using profile: \[([^\]]*)\]/;

function classifyProviderMessage(f: ErrorFacts, ctx: ClassifyContext): IdentityCheckError | null {
  const { profile } = ctx;
  const m = f.message;
  if (/Profile is configured with invalid SSO credentials|Conflicting SSO|Incomplete configuration/i.test(m)) {
    return {
      kind: 'config',
      message: `Profile ${profile} has an incomplete or conflicting SSO configuration: ${tidy(m.split('\n')[0] ?? m)}`,
    };
  }
  if (/SSO|sso login/.test(m) && /token|session|refresh|login/i.test(m)) {
    return { kind: 'sso-login-required', message: ssoLoginGuidance(profile) };
  }
  const unresolved = UNRESOLVED.exec(m);
  if (unresolved) {
    const named = unresolved[1] ?? '';
    if (named !== profile) {
      return {
        kind: 'config',
        message: `Profile ${profile} uses source_profile ${named}, which does not exist or has no credentials.`,
      };
    }
    if (ctx.profileExists === false) {
      return { kind: 'config', message: `Profile ${profile} is not defined in the AWS config or credentials file.` };
    }
    return {
      kind: 'no-credentials',
      message: `Profile ${profile} has no credentials: no access keys, role, SSO or credential_process is set for it.`,
    };
  }
  if (/Profile (\S+) was not found/.test(m)) {
    return { kind: 'config', message: `Profile ${profile}: ${tidy(m)}` };
  }
  if (
    /Unsupported credential source|Detected a cycle|is not configured with SSO credentials|web identity token file/i.test(
      m,
    )
  ) {
    return { kind: 'config', message: `Profile ${profile}: ${tidy(m)}` };
  }
  if (/multi-factor authentication/i.test(m)) {
    return {
      kind: 'other',
      message: `Profile ${profile} needs an MFA code for its role; it cannot be verified without one.`,
    };
  }
  if (/credential_process|Command failed/i.test(m)) {
    if (/expired/i.test(m))
      return { kind: 'expired', message: `The credential_process of profile ${profile} returned expired credentials.` };
    // "Command failed: <command line>\n<stderr>": the command line may carry secrets; keep stderr.
    const detail = m.startsWith('Command failed:') ? m.split('\n').slice(1).join(' ') : m;
    return {
      kind: 'no-credentials',
      message: `The credential_process of profile ${profile} failed${detail.trim() ? `: ${tidy(detail)}` : '.'}`,
    };
  }
  return null;
}

/** Classifies an error from credential resolution or the STS call. Pure; never throws. */
export function classifyIdentityError(error: unknown, ctx: ClassifyContext): IdentityCheckError {
  const f = unwrapProviderError(facts(error));
  const { profile } = ctx;
  if (TIMEOUT_NAMES.has(f.name) || (f.code !== null && TIMEOUT_CODES.has(f.code))) {
    const from = ctx.endpoint ? ` from ${ctx.endpoint.host}` : '';
    const advice = ctx.endpoint ? `: ${whatToCheck(ctx.endpoint)}` : '';
    return {
      kind: 'timeout',
      message: `No answer within ${formatSeconds(ctx.timeoutMs)}${from} while verifying profile ${profile}${advice}.`,
    };
  }
  if (f.code !== null && NETWORK_CODES.has(f.code)) {
    return {
      kind: 'network',
      message: `Could not reach AWS while verifying profile ${profile} (${f.code}): ${tidy(f.message)}`,
    };
  }
  if (SSO_TOKEN_CODES.has(f.name)) return { kind: 'sso-login-required', message: ssoLoginGuidance(profile) };
  if (EXPIRED_CODES.has(f.name)) {
    return {
      kind: 'expired',
      message: `The credentials of profile ${profile} have expired (${f.name}: ${tidy(f.message)})`,
    };
  }
  if (DENIED_CODES.has(f.name)) {
    return {
      kind: 'access-denied',
      message: `AWS refused the credentials of profile ${profile} (${f.name}: ${tidy(f.message)})`,
    };
  }
  if (f.name === 'CredentialsProviderError' || f.name === 'TokenProviderError') {
    return (
      classifyProviderMessage(f, ctx) ?? {
        kind: 'no-credentials',
        message: `Could not get credentials for profile ${profile}: ${tidy(f.message)}`,
      }
    );
  }
  if (f.httpStatus !== null) {
    return {
      kind: 'other',
      message: `AWS answered ${f.httpStatus} for profile ${profile} (${f.name}: ${tidy(f.message)})`,
    };
  }
  return { kind: 'other', message: `Verifying profile ${profile} failed: ${tidy(f.message || f.name)}` };
}
