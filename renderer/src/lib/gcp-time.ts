// Dates in the Google Cloud view: when a key was imported ("26 Nov 2026, 06:04"), in the user's
// own time zone (or the one given, for tests).

const OPTIONS: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const LOCAL = new Intl.DateTimeFormat('en-GB', OPTIONS);

export function formatInstant(iso: string, timeZone?: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return (timeZone ? new Intl.DateTimeFormat('en-GB', { ...OPTIONS, timeZone }) : LOCAL).format(at);
}
