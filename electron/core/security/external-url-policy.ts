// Which URLs the app may hand to the system browser (`shell.openExternal`): only https pages of
// the identity providers it signs in to — the AWS access portal and SSO device-verification
// pages, the AWS console's sign-in endpoint, Google's sign-in and Cloud console. Anything else (file:, smb:, custom protocol
// handlers, credentials or ports in the URL, look-alike hosts) is refused, because a URL that
// reaches openExternal can launch programs on the user's machine.

/** A region name such as `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`. */
const REGION = String.raw`[a-z]{2}(?:-[a-z]+)+-\d{1,2}`;
/** One DNS label. */
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;

const IDENTITY_PROVIDER_HOSTS: readonly RegExp[] = [
  // IAM Identity Center access portals: https://d-1234567890.awsapps.com/start (and .cn).
  new RegExp(String.raw`^(?:${LABEL}\.)+awsapps\.(?:com|cn)$`),
  // Dual-stack access portals: https://ssoins-1111111111111111.portal.us-east-1.app.aws
  new RegExp(String.raw`^${LABEL}\.portal\.${REGION}\.app\.aws$`),
  // Where a device-code sign-in is completed and the OIDC/portal endpoints it redirects through:
  // device.sso.<region>.amazonaws.com, oidc.<region>.amazonaws.com, portal.sso.<region>.amazonaws.com.
  new RegExp(String.raw`^(?:device\.sso|portal\.sso|oidc)\.${REGION}\.amazonaws\.com(?:\.cn)?$`),
  // The AWS sign-in federation endpoint of each partition, where "Open AWS console" signs in
  // (core/aws/console-signin.ts); the console itself is reached through its redirect.
  /^signin\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/,
  // Google sign-in (gcloud's and google-auth-library's consent pages) and the Cloud console.
  /^accounts\.google\.com$/,
  /^console\.cloud\.google\.com$/,
];

export type ExternalUrlDecision = { allowed: true; url: string } | { allowed: false; reason: string };

/** Decide whether `raw` may be opened in the user's browser; the allowed URL is normalised. */
export function decideExternalUrl(raw: string): ExternalUrlDecision {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: `${url.protocol} is not https:` };
  if (url.username !== '' || url.password !== '')
    return { allowed: false, reason: 'the URL carries a user name or password' };
  if (url.port !== '') return { allowed: false, reason: 'the URL names a port' };
  // The WHATWG parser has lower-cased the host and turned an IDN into punycode, so look-alike
  // Unicode hosts cannot match; a trailing dot is a different string and is refused.
  if (!isIdentityProviderHost(url.hostname)) {
    return { allowed: false, reason: `${url.hostname} is not an identity provider this app signs in to` };
  }
  return { allowed: true, url: url.href };
}

export function isIdentityProviderHost(host: string): boolean {
  return IDENTITY_PROVIDER_HOSTS.some((pattern) => pattern.test(host));
}
