// Google Cloud's rules for a project id (https://cloud.google.com/resource-manager/docs/creating-managing-projects):
// 6 to 30 characters, lowercase letters, digits and hyphens, starting with a letter and not ending
// with a hyphen. Projects created under a Workspace domain long ago keep a `domain:` prefix
// (`example.com:my-project`), which gcloud still accepts. A key's `project_id` is checked against
// these rules before it reaches gcloud's command line, where `--flag=...` would be read as an option.

const PROJECT_ID =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

export function isGcpProjectId(text: string): boolean {
  return PROJECT_ID.test(text);
}
