// The app's mark on sections it created in a user's config file.
//
// Format: a comment line directly above the section header,
//
//     # managed by cloudid: <purpose>
//
// e.g. `# managed by cloudid: sso-sync my-sso` above `[profile Prod.Admin]`. The purpose says
// which feature owns the section (sso-sync of the sso-session `my-sso`). Only sections carrying
// the marker are ever updated or removed by the app; every other line belongs to the user and is
// left byte-identical. Deleting the marker line hands a section over to the user. Both `#` and
// `;` are accepted on reading (configparser and the JS SDK treat both as comments); `#` is written.

const MARKER_PATTERN = /^\s*[#;]\s*managed by cloudid:\s*(.*?)\s*$/;

export const MARKER_PREFIX = '# managed by cloudid: ';

export function managedMarkerLine(purpose: string): string {
  if (/[\r\n]/.test(purpose) || purpose.trim() === '')
    throw new Error(`invalid marker purpose: ${JSON.stringify(purpose)}`);
  return `${MARKER_PREFIX}${purpose.trim()}`;
}

/** The purpose of a marker line, or null if the line is not the app's marker. */
export function parseManagedMarker(line: string): string | null {
  const match = MARKER_PATTERN.exec(line);
  return match === null || match[1] === undefined || match[1] === '' ? null : match[1];
}

/** The purpose the SSO account sync uses for the profiles it creates for one sso-session. */
export function ssoSyncMarkerPurpose(sessionName: string): string {
  return `sso-sync ${sessionName}`;
}
