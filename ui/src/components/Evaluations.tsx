import type { Evaluation } from "../bindings/commands";
import { DIMENSIONS, RECOMMENDATION_LABELS } from "../lib/session";

type Props = { evaluations: Evaluation[]; shown: number; onShow: (i: number) => void };

/** Every evaluation of a session side by side (newest first): who graded, the overall score,
 * each dimension and the recommendation. A column's header shows that evaluation in full below. */
export function Evaluations({ evaluations, shown, onShow }: Props) {
  return (
    <table class="evaluations small" data-testid="evaluations">
      <thead>
        <tr>
          <th />
          {evaluations.map((e, i) => (
            <th key={i}>
              <button class={i === shown ? "" : "ghost"} aria-pressed={i === shown} onClick={() => onShow(i)} data-testid="evaluation-tab">
                {e.model ? `AI · ${e.model}` : "Offline"}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th>Overall</th>
          {evaluations.map((e, i) => (
            <td key={i} data-testid="compare-overall">
              <strong>{e.overall}</strong>
            </td>
          ))}
        </tr>
        {DIMENSIONS.map(([key, label]) => (
          <tr key={key}>
            <th>{label}</th>
            {evaluations.map((e, i) => {
              const d = e.dimensions[key];
              return <td key={i}>{d.assessed && d.score !== null ? d.score : <span class="muted">not assessed</span>}</td>;
            })}
          </tr>
        ))}
        <tr>
          <th>Recommendation</th>
          {evaluations.map((e, i) => (
            <td key={i}>{RECOMMENDATION_LABELS[e.recommendation]}</td>
          ))}
        </tr>
        <tr>
          <th>Claims removed</th>
          {evaluations.map((e, i) => (
            <td key={i}>{e.model ? e.removed_claims : <span class="muted">—</span>}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
