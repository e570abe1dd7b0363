/** A test value as the candidate reads it: JSON, with long arrays shortened. */
export function formatValue(v: unknown, max = 200): string {
  const text = JSON.stringify(v);
  if (text === undefined) return "undefined";
  return text.length > max ? `${text.slice(0, max)}… (${text.length.toLocaleString()} characters)` : text;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A moment (ms since the epoch) in the user's locale; one shared formatter, as building one per call is slow. */
export function dateTime(ms: number): string {
  return DATE_TIME.format(ms);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
