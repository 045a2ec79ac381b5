// A readable message from whatever an operation rejected with. Electron wraps errors thrown in
// the main process as "Error invoking remote method '<channel>': Error: <message>"; the user only
// needs the message.

const ELECTRON_WRAPPER = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
  return text.replace(ELECTRON_WRAPPER, '') || 'Unknown error';
}
