// gcloud properties whose values are never shown: credentials, and every property gcloud itself
// hides from `gcloud config list` and its help (`hidden=True` in upstream
// googlecloudsdk/core/properties.py, gcloud 528), because a hidden property is one gcloud does not
// expect anybody to read over a user's shoulder. The app names such a property and the variable
// that sets it; the value stays in the environment.

/** Whole sections of secrets: auth/* holds client secrets, token hosts and credential paths. */
const SECRET_SECTIONS = new Set(['auth']);

/** core/ and compute/ properties gcloud marks hidden, plus the credential-bearing ones. */
const SECRET_PROPERTIES = new Set([
  'core/api_key',
  'proxy/password',
  'proxy/username',
  // hidden=True in properties.py, section core
  'core/disable_collection_path_deprecation_warning',
  'core/disable_command_lazy_loading',
  'core/enable_gri',
  'core/resource_completion_style',
  'core/lint',
  'core/interactive_ux_style',
  'core/log_http_redact_token',
  'core/log_http_show_request_body',
  'core/log_http_streaming_body',
  'core/http_timeout',
  'core/check_gce_metadata',
  'core/print_completion_tracebacks',
  'core/print_unhandled_tracebacks',
  'core/print_handled_tracebacks',
  'core/request_reason',
  'core/should_prompt_to_enable_api',
  'core/color_theme',
  'core/use_legacy_flattened_format',
  'core/project_number',
  'core/universe_domain',
  'core/credentialed_hosted_repo_domains',
  // hidden=True in properties.py, section compute
  'compute/gce_metadata_read_timeout_sec',
  'compute/gce_metadata_check_timeout_sec',
  'compute/iap_tunnel_use_new_websocket',
  'compute/force_batch_request',
  'compute/allow_partial_error',
]);

/** True for `core/api_key`, `auth/*`, `proxy/password` and the properties gcloud hides. */
export function isSecretGcloudProperty(property: string): boolean {
  const section = property.split('/', 1)[0] ?? '';
  return SECRET_SECTIONS.has(section) || SECRET_PROPERTIES.has(property);
}
