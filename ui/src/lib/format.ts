import type { Language } from "../bindings/commands";

export const LANGUAGES: { id: Language; label: string }[] = [
  { id: "python", label: "Python 3" },
  { id: "javascript", label: "JavaScript" },
  { id: "typescript", label: "TypeScript" },
  { id: "java", label: "Java" },
  { id: "cpp", label: "C++" },
  { id: "go", label: "Go" },
  { id: "rust", label: "Rust" },
];

/** A test value as the candidate reads it: JSON, with long arrays shortened. */
export function formatValue(v: unknown, max = 200): string {
  const text = JSON.stringify(v);
  if (text === undefined) return "undefined";
  return text.length > max ? `${text.slice(0, max)}… (${text.length.toLocaleString()} characters)` : text;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
