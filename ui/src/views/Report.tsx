import { useEffect, useState } from "preact/hooks";
import { errorBody, sessionDelete, sessionRegrade, sessionReplay, sessionsExport } from "../api";
import type { Dimension, ErrorBody, Evaluation, EvidenceItem, Replay } from "../bindings/commands";
import { ErrorBanner } from "../components/ErrorBanner";
import { Evaluations } from "../components/Evaluations";
import { renderMarkdown } from "../lib/markdown";
import { clockOf, DIMENSIONS, RECOMMENDATION_LABELS } from "../lib/session";

type Props = { id: string; onReplay: (id: string, at?: number) => void; onHistory: () => void };

/** A finished session's report: scores with the evidence behind each, linked to its moment. */
export function ReportView({ id, onReplay, onHistory }: Props) {
  const [replay, setReplay] = useState<Replay | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [shown, setShown] = useState(0);
  const [grading, setGrading] = useState(false);
  const load = () => sessionReplay(id).then((r) => (setReplay(r), setShown(0)), (e) => setError(errorBody(e)));
  const regrade = async () => {
    setGrading(true);
    setError(null);
    try {
      await sessionRegrade(id);
      await load();
    } catch (e) {
      setError(errorBody(e));
    } finally {
      setGrading(false);
    }
  };
  const exportIt = () => sessionsExport([id]).then((s) => setExported(s.path), (e) => setError(errorBody(e)));
  const deleteIt = async () => {
    if (!confirm("Delete this session with its code, runs, transcript and report? This cannot be undone.")) return;
    try {
      await sessionDelete(id);
      onHistory();
    } catch (e) {
      setError(errorBody(e));
    }
  };
  useEffect(() => {
    load();
  }, [id]);
  if (!replay) return <ErrorBanner error={error} />;
  const ev: Evaluation | null = replay.evaluations[shown] ?? replay.evaluation;
  return (
    <section class="report" data-testid="report">
      <h1>
        Report · {replay.session.problem_title} <span class="muted">({replay.session.language})</span>
      </h1>
      {!ev && <p>This session has no report yet.</p>}
      <ErrorBanner error={error} />
      {replay.evaluations.length > 1 && <Evaluations evaluations={replay.evaluations} shown={shown} onShow={setShown} />}
      {ev && (
        <>
          <p class="headline">
            <span class="score" data-testid="overall">
              {ev.overall}
            </span>
            <span class="muted">/100</span>
            <span class={`recommendation ${ev.recommendation}`} data-testid="recommendation">
              {RECOMMENDATION_LABELS[ev.recommendation]}
            </span>
          </p>
          <p class="muted small" data-testid="recommendation-rule">
            {ev.recommendation_rule}
          </p>
          {ev.detail && <div class="markdown detail" data-testid="detail" dangerouslySetInnerHTML={{ __html: renderMarkdown(ev.detail) }} />}
          <div class="dimensions">
            {DIMENSIONS.map(([key, label]) => (
              <DimensionCard key={key} label={label} dim={ev.dimensions[key]} onMoment={(at) => onReplay(id, at)} />
            ))}
          </div>
          <div class="observations">
            <div>
              <h2>Strengths</h2>
              {ev.strengths.length === 0 ? <p class="muted">Nothing measured to report.</p> : <ul>{ev.strengths.map((s, i) => <Observation key={i} item={s} onMoment={(at) => onReplay(id, at)} />)}</ul>}
            </div>
            <div>
              <h2>To improve</h2>
              {ev.improvements.length === 0 ? <p class="muted">Nothing measured to report.</p> : <ul>{ev.improvements.map((s, i) => <Observation key={i} item={s} onMoment={(at) => onReplay(id, at)} />)}</ul>}
            </div>
          </div>
          {ev.removed_claims > 0 && (
            <p class="muted small" data-testid="removed-claims">
              {ev.removed_claims} claim{ev.removed_claims === 1 ? "" : "s"} removed: no evidence.
            </p>
          )}
          <p class="muted small" data-testid="evaluator">
            Evaluator: {ev.evaluator} v{ev.evaluator_version}
            {ev.model ? ` · ${ev.model}` : ""}
            {ev.rubric_version ? ` · rubric v${ev.rubric_version}` : ""}
          </p>
        </>
      )}
      {replay.costs.length > 0 && (
        <table class="costs small" data-testid="costs">
          <caption class="muted">AI cost of this session</caption>
          <tbody>
            {replay.costs.map((c) => (
              <tr key={c.role} data-testid="cost-row">
                <th scope="row">{c.role}</th>
                <td>${c.usd.toFixed(4)}</td>
                <td class="muted">
                  {c.calls} call{c.calls === 1 ? "" : "s"}
                  {c.failed > 0 && `, ${c.failed} failed`} · {c.input_tokens} in / {c.output_tokens} out tokens
                  {c.unpriced > 0 && ` · ${c.unpriced} unpriced`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button onClick={() => onReplay(id)} data-testid="open-replay">
          Replay the session
        </button>{" "}
        <button class="ghost" onClick={onHistory} data-testid="open-history">
          History
        </button>{" "}
        <button class="ghost" onClick={regrade} disabled={grading} data-testid="regrade" title="Grade again with the AI evaluator (Settings → AI)">
          {grading ? "Grading…" : "Grade again with AI"}
        </button>{" "}
        <button class="ghost" onClick={exportIt} data-testid="export-session">
          Export (zip)
        </button>{" "}
        <button class="ghost danger-text" onClick={deleteIt} data-testid="delete-session">
          Delete
        </button>
      </p>
      {exported && (
        <p class="muted small" data-testid="exported">
          Saved to <code>{exported}</code>
        </p>
      )}
    </section>
  );
}

/** A strength or improvement: its moment opens the replay there; a cited one shows its quote. */
function Observation({ item, onMoment }: { item: EvidenceItem; onMoment: (at: number) => void }) {
  return (
    <li data-testid="observation">
      {item.at_ms !== null && (
        <>
          <button class="link" onClick={() => onMoment(item.at_ms ?? 0)} data-testid="observation-moment">
            {clockOf(item.at_ms)}
          </button>{" "}
        </>
      )}
      {item.text} {item.quote && <q class="muted" title={item.cite ?? undefined}>{item.quote}</q>}
    </li>
  );
}

function DimensionCard({ label, dim, onMoment }: { label: string; dim: Dimension; onMoment: (at: number) => void }) {
  return (
    <div class={`dimension ${dim.assessed ? "" : "unassessed"}`} data-testid="dimension">
      <h3>
        {label} <span class="muted small">weight {dim.assessed ? `${dim.weight} → ${Math.round(dim.effective_weight * 100)}%` : `${dim.weight} (redistributed)`}</span>
      </h3>
      <div class="dim-score">{dim.score ?? "not assessed"}</div>
      {dim.note && <p class="muted small">{dim.note}</p>}
      <ul class="evidence">
        {dim.evidence.map((e, i) => (
          <li key={i}>
            {e.at_ms !== null ? (
              <button class="link" onClick={() => onMoment(e.at_ms ?? 0)} data-testid="evidence-moment">
                {clockOf(e.at_ms)}
              </button>
            ) : null}{" "}
            {e.text}
            {e.quote && (
              <q class="quote muted" data-testid="evidence-quote" title={e.cite ?? undefined}>
                {e.quote}
              </q>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
