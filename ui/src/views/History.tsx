import { useEffect, useState } from "preact/hooks";
import { errorBody, sessionsExport, sessionsList } from "../api";
import type { ErrorBody, Session, SessionStatus } from "../bindings/commands";
import { ErrorBanner } from "../components/ErrorBanner";
import { countdown } from "../lib/session";

type Props = { onOpen: (s: Session) => void };

/** Past sessions with their scores over time. */
export function HistoryView({ onOpen }: Props) {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [status, setStatus] = useState<SessionStatus | "">("");
  const [error, setError] = useState<ErrorBody | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  useEffect(() => {
    sessionsList({ status: status || null, problem: null, limit: null }).then(setSessions, (e) => setError(errorBody(e)));
  }, [status]);
  if (!sessions) return <ErrorBanner error={error} />;
  const scored = sessions.filter((s) => s.score !== null && s.started_at !== null).reverse();
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
      {scored.length > 1 && <ScoreChart sessions={scored} />}
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
              <th>Length</th>
              <th>Status</th>
              <th class="num">Score</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="session-row" data-id={s.id} onClick={() => onOpen(s)}>
                <td>{s.started_at ? new Date(s.started_at).toLocaleString() : "—"}</td>
                <td class="title">{s.problem_title}</td>
                <td>{s.language}</td>
                <td>{countdown(s.duration_ms)}</td>
                <td>{s.status}</td>
                <td class="num" data-testid="session-score">
                  {s.score ?? "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Overall score per session, oldest to newest. */
function ScoreChart({ sessions }: { sessions: Session[] }) {
  const w = 640;
  const h = 140;
  const step = sessions.length > 1 ? (w - 40) / (sessions.length - 1) : 0;
  const points = sessions.map((s, i) => `${20 + i * step},${h - 20 - ((s.score ?? 0) / 100) * (h - 40)}`).join(" ");
  return (
    <svg class="chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label="Overall score over time" data-testid="score-chart">
      <line x1="20" y1={h - 20} x2={w - 20} y2={h - 20} class="axis" />
      <text x="0" y="24" class="tick">
        100
      </text>
      <text x="6" y={h - 16} class="tick">
        0
      </text>
      <polyline points={points} class="series" />
      {sessions.map((s, i) => (
        <circle key={s.id} cx={20 + i * step} cy={h - 20 - ((s.score ?? 0) / 100) * (h - 40)} r="3" class="dot">
          <title>
            {s.problem_title}: {s.score}
          </title>
        </circle>
      ))}
    </svg>
  );
}
