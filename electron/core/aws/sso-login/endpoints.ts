// The SDK resolves AWS_ENDPOINT_URL_* from process.env by itself; the app passes its own env
// (tests, the CLI with a given environment), so we resolve the same variables from that env and
// hand the SDK an explicit `endpoint`. Variable names follow the shared "service-specific
// endpoints" rule: AWS_ENDPOINT_URL_<SERVICE ID, upper case, spaces to underscores>, then
// AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html

export type SsoServiceId = 'SSO_OIDC' | 'SSO';

export function configuredEndpoint(env: NodeJS.ProcessEnv, service: SsoServiceId): string | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  const specific = env[`AWS_ENDPOINT_URL_${service}`];
  if (specific) return specific;
  return env.AWS_ENDPOINT_URL || undefined;
}
