import { useEffect, useRef, useState } from "preact/hooks";
import { errorBody, progressGet, sessionsExport, sessionsList, uiReady } from "../api";
import type { Difficulty, ErrorBody, Progress, ScorePoint, Session, SessionStatus } from "../bindings/commands";
import { ErrorBanner } from "../components/ErrorBanner";
import { dateTime } from "../lib/format";
import { countdown, timeTaken } from "../lib/session";

/** Rows shown before "Show all". */
const PAGE = 100;
/** Above this many sessions the score chart draws the line without a dot per session. */
const MAX_DOTS = 120;

type Props = {
  onOpen: (s: Session) => void;
  /** Starts an interview on `slug`, or on a random problem of `difficulty` when null. */
  onStart: (slug: string | null, difficulty: Difficulty | null) => void;
};

/** Past sessions with their scores over time. */
export function HistoryView({ onOpen, onStart }: Props) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [difficulty, setDifficulty] = useState<Difficulty>("medium");
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [status, setStatus] = useState<SessionStatus | "">("");
  const [error, setError] = useState<ErrorBody | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  useEffect(() => {
    progressGet().then(setProgress, (e) => setError(errorBody(e)));
  }, []);
  useEffect(() => {
    // One row more than a page tells whether there are more.
    sessionsList({ status: status || null, problem: null, limit: showAll ? null : PAGE + 1 }).then(setSessions, (e) => setError(errorBody(e)));
  }, [status, showAll]);
  useRenderedOnce("history", sessions !== null && progress !== null);
  if (!sessions) return <ErrorBanner error={error} />;
  return (
    <section class="history" data-testid="history">
      <div class="filters">
        <h1>History</h1>
        <select aria-label="Status" value={status} data-testid="filter-status" onChange={(e) => setStatus((e.target as HTMLSelectElement).value as SessionStatus | "")}>
          <option value="">All sessions</option>
          <option value="completed">Completed</option>
          <option value="active">Running</option>
          <option value="abandoned">Abandoned</option>
        </select>
        {sessions.length > 0 && (
          <button class="ghost" onClick={() => sessionsExport([]).then((s) => setExported(s.path), (e) => setError(errorBody(e)))} data-testid="export-all">
            Export everything (zip)
          </button>
        )}
      </div>
      {exported && (
        <p class="muted small">
          Saved to <code>{exported}</code>
        </p>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div class="start-random">
        <select aria-label="Difficulty" value={difficulty} data-testid="random-difficulty" onChange={(e) => setDifficulty((e.target as HTMLSelectElement).value as Difficulty)}>
          <option value="easy">Easy</option>
          <option value="medium">Medium</option>
          <option value="hard">Hard</option>
        </select>
        <button onClick={() => onStart(null, difficulty)} data-testid="start-random">
          Start an interview on a random problem
        </button>
        {progress?.next && (
          <span class="next" data-testid="next-problem">
            Next: <strong>{progress.next.title}</strong> — {progress.next.reason}{" "}
            <button class="link" onClick={() => onStart(progress.next?.slug ?? null, null)}>
              Start it
            </button>
          </span>
        )}
      </div>
      {progress && progress.points.length > 1 && <ScoreChart points={progress.points} />}
      {progress && progress.points.length > 1 && <DimensionChart points={progress.points} />}
      {progress && progress.categories.length > 0 && (
        <table class="sessions categories" data-testid="categories">
          <thead>
            <tr>
              <th>Category (weakest first)</th>
              <th class="num">Sessions</th>
              <th class="num">Solved</th>
              <th class="num">Average</th>
            </tr>
          </thead>
          <tbody>
            {progress.categories.map((c) => (
              <tr key={c.category}>
                <td>{c.label}</td>
                <td class="num">{c.sessions}</td>
                <td class="num">{c.solved}</td>
                <td class="num">{c.average}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sessions.length === 0 ? (
        <p class="muted" data-testid="history-empty">
          No sessions yet. Open a problem and start a timed interview.
        </p>
      ) : (
        <table class="sessions">
          <thead>
            <tr>
              <th>Date</th>
              <th>Problem</th>
              <th>Language</th>
              <th>Time taken</th>
              <th>Status</th>
              <th class="num">Score</th>
            </tr>
          </thead>
          <tbody>
            {(showAll ? sessions : sessions.slice(0, PAGE)).map((s) => (
              <tr key={s.id} data-testid="session-row" data-id={s.id} onClick={() => onOpen(s)}>
                <td>{s.started_at ? dateTime(s.started_at) : "—"}</td>
                <td class="title">{s.problem_title}</td>
                <td>{s.language}</td>
                <td data-testid="session-length">
                  {countdown(timeTaken(s))} <span class="muted">of {countdown(s.duration_ms)}</span>
                </td>
                <td>{s.status}</td>
                <td class="num" data-testid="session-score">
                  {s.score ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!showAll && sessions.length > PAGE && (
        <button class="ghost" onClick={() => setShowAll(true)} data-testid="show-all-sessions">
          Show all sessions
        </button>
      )}
    </section>
  );
}

/** Overall score per session, oldest to newest. */
function ScoreChart({ points }: { points: ScorePoint[] }) {
  const w = 640;
  const h = 140;
  const step = points.length > 1 ? (w - 40) / (points.length - 1) : 0;
  const y = (p: ScorePoint) => h - 20 - (p.overall / 100) * (h - 40);
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label="Overall score over time" data-testid="score-chart">
      <line x1="20" y1={h - 20} x2={w - 20} y2={h - 20} class="axis" />
      <text x="0" y="24" class="tick">
        100
      </text>
      <text x="6" y={h - 16} class="tick">
        0
      </text>
      <polyline points={points.map((p, i) => `${20 + i * step},${y(p)}`).join(" ")} class="series" />
      {points.length <= MAX_DOTS &&
        points.map((p, i) => (
          <circle key={p.session_id} cx={20 + i * step} cy={y(p)} r="3" class="dot">
            <title>
              {dateTime(p.at)}: {p.overall}
            </title>
          </circle>
        ))}
    </svg>
  );
}

const DIMENSION_SERIES: { key: keyof ScorePoint; label: string; color: string }[] = [
  { key: "problem_solving", label: "Problem solving", color: "#4f46e5" },
  { key: "code_quality", label: "Code quality", color: "#13804b" },
  { key: "communication", label: "Communication", color: "#b45309" },
  { key: "efficiency", label: "Efficiency", color: "#c0262d" },
];

/** Each dimension's score per session; a dimension not assessed leaves a gap, never a 0. */
function DimensionChart({ points }: { points: ScorePoint[] }) {
  const w = 640;
  const h = 140;
  const step = points.length > 1 ? (w - 40) / (points.length - 1) : 0;
  const y = (v: number) => h - 20 - (v / 100) * (h - 40);
  return (
    <figure class="dimension-chart">
      <svg class="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label="Scores per dimension over time" data-testid="dimension-chart">
        <line x1="20" y1={h - 20} x2={w - 20} y2={h - 20} class="axis" />
        {DIMENSION_SERIES.map((s) => {
          const pts = points.flatMap((p, i) => (typeof p[s.key] === "number" ? [`${20 + i * step},${y(p[s.key] as number)}`] : []));
          return pts.length > 0 ? <polyline key={s.key} points={pts.join(" ")} fill="none" stroke={s.color} stroke-width="2" /> : null;
        })}
      </svg>
      <figcaption class="muted small">
        {DIMENSION_SERIES.map((s) => (
          <span key={s.key} style={{ color: s.color, marginRight: "12px" }}>
            ■ {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/**
 * Reports, once, how long the view took from being opened until `done` was first true and that
 * frame was painted (the app logs it; `cargo xtask bench history` reads it).
 */
function useRenderedOnce(view: string, done: boolean) {
  const opened = useRef(performance.now());
  const reported = useRef(false);
  useEffect(() => {
    if (!done || reported.current) return;
    reported.current = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        uiReady(view, performance.now() - opened.current).catch(() => undefined);
      }, 0),
    );
  }, [done]);
}
