import { useEffect, useRef, useState } from "preact/hooks";
import type { LiveEvent } from "../bindings/commands";

/** A transcript line as the interviewer (voice or text) reports it. */
export type Line = Omit<Extract<LiveEvent, { kind: "line" }>, "kind">;

/** The transcript's lines and the reply streaming in, and `hear`, which takes the `partial` and
 * `line` events (true when it took one). */
export function useLiveLines(earlier: Line[] = []) {
  const [lines, setLines] = useState<Line[]>(earlier);
  const [partial, setPartial] = useState<Line | null>(null);
  const hear = (e: LiveEvent): boolean => {
    if (e.kind === "partial") {
      setPartial({ speaker: e.speaker, text: e.text, truncated: false });
      return true;
    }
    if (e.kind === "line") {
      setPartial(null);
      setLines((prev) => [...prev.slice(-199), { speaker: e.speaker, text: e.text, truncated: e.truncated }]);
      return true;
    }
    return false;
  };
  return { lines, partial, hear };
}

/** The live transcript: its lines, then the reply streaming in; keeps the newest in view. */
export function Transcript({ lines, partial, testid, lineTestid }: { lines: Line[]; partial: Line | null; testid: string; lineTestid: string }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [lines, partial]);
  return (
    <ol class="transcript" ref={list} data-testid={testid} aria-live="polite">
      {lines.map((l, i) => (
        <li key={i} class={l.speaker} data-testid={lineTestid}>
          <strong>{l.speaker === "candidate" ? "You" : "Interviewer"}:</strong> {l.text}
          {l.truncated && <span class="muted small"> (interrupted)</span>}
        </li>
      ))}
      {partial && (
        <li class={`${partial.speaker} partial`} data-testid={`${lineTestid}-partial`}>
          <strong>{partial.speaker === "candidate" ? "You" : "Interviewer"}:</strong> {partial.text}
        </li>
      )}
    </ol>
  );
}
