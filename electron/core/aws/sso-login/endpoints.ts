// The SDK resolves AWS_ENDPOINT_URL_* from process.env by itself; the app passes its own env
// (tests, the CLI with a given environment), so we resolve the same variables from that env and
// hand the SDK an explicit `endpoint`. Variable names follow the shared "service-specific
// endpoints" rule: AWS_ENDPOINT_URL_<SERVICE ID, upper case, spaces to underscores>, then
// AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html

export type SsoServiceId = 'SSO_OIDC' | 'SSO';

export function configuredEndpoint(env: NodeJS.ProcessEnv, service: SsoServiceId): string | undefined {
  return configuredEndpointSource(env, service)?.url;
}

/** The configured endpoint and the variable it came from (for "check AWS_ENDPOINT_URL_SSO"). */
export function configuredEndpointSource(
  env: NodeJS.ProcessEnv,
  service: SsoServiceId,
): { url: string; variable: string } | undefined {
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '').toLowerCase() === 'true') return undefined;
  const variable = `AWS_ENDPOINT_URL_${service}`;
  const specific = env[variable];
  if (specific) return { url: specific, variable };
  return env.AWS_ENDPOINT_URL ? { url: env.AWS_ENDPOINT_URL, variable: 'AWS_ENDPOINT_URL' } : undefined;
}
