import type { Session } from "../bindings/commands";

/** `mm:ss` (or `h:mm:ss`) of a duration in milliseconds, rounded up to the second. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm.padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/** Time spent in a session (its pauses left out): up to now while it runs, to its end once over. */
export function timeTaken(s: Session, now: number = Date.now()): number {
  if (s.started_at === null) return 0;
  const end = s.ended_at ?? now;
  return Math.min(Math.max(0, end - s.started_at - s.paused_ms), Math.max(s.duration_ms, end - s.started_at));
}

/** Lines of `before` and `after` as a simple diff: kept, added and removed lines. */
export function lineDiff(before: string, after: string): { kind: "same" | "add" | "del"; text: string }[] {
  const a = before.split("\n");
  const b = after.split("\n");
  // Longest common subsequence over lines; sessions' code is small enough for O(n·m).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: { kind: "same" | "add" | "del"; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: "same", text: a[i] });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push({ kind: "add", text: b[j++] });
    } else {
      out.push({ kind: "del", text: a[i++] });
    }
  }
  return out;
}

/** `mm:ss` of an offset in a session. */
export function clockOf(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/** The report's dimensions, in the rubric's order, with their names. */
export const DIMENSIONS = [
  ["problem_solving", "Problem solving"],
  ["code_quality", "Code quality"],
  ["communication", "Communication"],
  ["efficiency", "Efficiency"],
] as const;

export const RECOMMENDATION_LABELS: Record<string, string> = {
  "strong-yes": "Strong yes",
  yes: "Yes",
  maybe: "Maybe",
  no: "No",
  "insufficient-evidence": "Not enough evidence for a recommendation",
};
