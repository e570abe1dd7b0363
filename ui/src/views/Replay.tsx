import { useEffect, useMemo, useState } from "preact/hooks";
import { errorBody, sessionReplay } from "../api";
import type { CodeNote, ErrorBody, Replay, SessionEvent } from "../bindings/commands";
import { ErrorBanner } from "../components/ErrorBanner";
import { clockOf, lineDiff } from "../lib/session";

type Props = { id: string; at?: number; onReport: (id: string) => void };

function describe(e: SessionEvent): string {
  switch (e.kind) {
    case "started":
      return "Session started";
    case "snapshot":
      return `Code saved (${e.snapshot})`;
    case "run":
      return `${e.mode === "submit" ? "Submit" : "Run"}: ${e.verdict.replace(/_/g, " ")} (${e.passed}/${e.total})`;
    case "hint":
      return `Hint ${e.level} revealed`;
    case "warning":
      return `${e.minutes_left} minutes left`;
    case "transcript":
      return "Transcript line";
    case "code_note":
      return "Observer's note";
    case "resumed":
      return `Resumed after an interruption (${Math.round(e.paused_ms / 1000)} s not counted)`;
    case "ended":
      return `Ended (${e.reason.replace(/_/g, " ")})`;
    case "storage_trouble":
      return `Saving failed for a while: ${e.message}`;
  }
}

/** A finished session, step by step: the code at each moment with its diff, and what happened. */
export function ReplayView({ id, at, onReport }: Props) {
  const [replay, setReplay] = useState<Replay | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<ErrorBody | null>(null);
  useEffect(() => {
    sessionReplay(id).then((r) => {
      setReplay(r);
      const target = at === undefined ? 0 : r.timeline.findIndex((t) => t.at_ms >= at);
      setIndex(Math.max(0, target));
    }, (e) => setError(errorBody(e)));
  }, [id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!replay) return;
      if (e.key === "ArrowRight") setIndex((i) => Math.min(i + 1, replay.timeline.length - 1));
      if (e.key === "ArrowLeft") setIndex((i) => Math.max(i - 1, 0));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [replay]);

  const view = useMemo(() => {
    if (!replay || replay.timeline.length === 0) return null;
    const entry = replay.timeline[index];
    // The code at this moment: the last snapshot recorded up to this entry.
    const upTo = replay.timeline.slice(0, index + 1).flatMap((t) => (t.event.kind === "snapshot" ? [t.event.snapshot_id] : []));
    // Before the first save, the code is what the session opened with (its first snapshot).
    const current = replay.snapshots.find((s) => s.id === upTo[upTo.length - 1]) ?? replay.snapshots[0];
    const previous = replay.snapshots.find((s) => s.id === upTo[upTo.length - 2]);
    // The observer's latest note up to this entry.
    const noteIds = replay.timeline.slice(0, index + 1).flatMap((t) => (t.event.kind === "code_note" ? [t.event.note_id] : []));
    const note = replay.notes.find((n) => n.id === noteIds[noteIds.length - 1]) ?? null;
    return { entry, current, note, diff: lineDiff(previous?.code ?? current?.code ?? "", current?.code ?? "") };
  }, [replay, index]);

  if (!replay || !view) return <ErrorBanner error={error} />;
  return (
    <section class="replay" data-testid="replay">
      <div class="filters">
        <h1>
          Replay · {replay.session.problem_title} <span class="muted">({replay.session.language})</span>
        </h1>
        <button class="ghost" onClick={() => onReport(id)}>
          Report
        </button>
      </div>
      <div class="scrubber">
        <button onClick={() => setIndex((i) => Math.max(i - 1, 0))} aria-label="Previous moment" data-testid="replay-prev">
          ←
        </button>
        <input
          type="range"
          min={0}
          max={replay.timeline.length - 1}
          value={index}
          data-testid="replay-slider"
          onInput={(e) => setIndex(Number((e.target as HTMLInputElement).value))}
        />
        <button onClick={() => setIndex((i) => Math.min(i + 1, replay.timeline.length - 1))} aria-label="Next moment" data-testid="replay-next">
          →
        </button>
        <span class="muted" data-testid="replay-moment">
          {clockOf(view.entry.at_ms)} · {describe(view.entry.event)}
        </span>
      </div>
      <div class="replay-body">
        <ol class="timeline" data-testid="timeline">
          {replay.timeline.map((t, i) => (
            <li key={i} class={i === index ? "current" : ""} onClick={() => setIndex(i)} data-testid="timeline-entry">
              <span class="muted">{clockOf(t.at_ms)}</span> {describe(t.event)}
            </li>
          ))}
        </ol>
        <pre class="code-diff" data-testid="replay-code">
          {view.diff.map((l, i) => (
            <div key={i} class={`line ${l.kind}`}>
              <span class="mark">{l.kind === "add" ? "+" : l.kind === "del" ? "−" : " "}</span>
              {l.text}
            </div>
          ))}
        </pre>
        {view.note && <NotePanel note={view.note} />}
      </div>
    </section>
  );
}

const APPROACH: Record<string, string> = { "brute-force": "brute force", optimized: "optimized", unknown: "unclear" };

/** The code observer's note on the code shown: the parser's errors, then the model's reading. */
function NotePanel({ note }: { note: CodeNote }) {
  const r = note.reading;
  return (
    <aside class="observer-note" data-testid="observer-note">
      <h3>
        Observer · <span class="muted">{clockOf(note.at_ms)}</span>
      </h3>
      {note.syntax.length === 0 ? (
        <p class="muted">No syntax errors.</p>
      ) : (
        <ul class="syntax-errors" data-testid="observer-syntax">
          {note.syntax.map((e, i) => (
            <li key={i}>
              Line {e.line}, column {e.column}: {e.message}
            </li>
          ))}
        </ul>
      )}
      {r ? (
        <div data-testid="observer-reading">
          <p>
            <strong>{r.approach.name}</strong> ({APPROACH[r.approach.kind]}) · {r.time_complexity} time, {r.space_complexity} space
          </p>
          <p>{r.summary}</p>
          {r.warnings.length > 0 && (
            <ul>
              {r.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          <p class="muted">
            {r.ready_to_run ? "Looks ready to run" : "Not ready to run yet"} · read by {note.model}
          </p>
        </div>
      ) : (
        <p class="muted">{note.unread}</p>
      )}
    </aside>
  );
}
