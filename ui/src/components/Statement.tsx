import { useMemo } from "preact/hooks";
import type { ProblemDetail } from "../bindings/commands";
import { capitalise, formatValue } from "../lib/format";
import { renderMarkdown } from "../lib/markdown";

/** A problem's title, badges, statement and examples. */
export function Statement({ problem, labels }: { problem: ProblemDetail; labels: Map<string, string> }) {
  const html = useMemo(() => renderMarkdown(problem.statement), [problem.statement]);
  return (
    <>
      <h1 data-testid="problem-title">{problem.title}</h1>
      <p class="meta">
        <span class={`badge ${problem.difficulty}`}>{capitalise(problem.difficulty)}</span>
        {problem.categories.map((c) => (
          <span class="chip" key={c}>
            {labels.get(c) ?? c}
          </span>
        ))}
      </p>
      <div class="statement" data-testid="statement" dangerouslySetInnerHTML={{ __html: html }} />
      <h2>Examples</h2>
      {problem.examples.map((ex, i) => (
        <div class="example" key={i} data-testid="example">
          <div>
            <strong>Input</strong>{" "}
            <code>
              {Object.entries(ex.input)
                .map(([k, v]) => `${k} = ${formatValue(v)}`)
                .join(", ")}
            </code>
          </div>
          <div>
            <strong>Output</strong> <code>{formatValue(ex.expected)}</code>
          </div>
          {ex.explanation && <div class="muted">{ex.explanation}</div>}
        </div>
      ))}
    </>
  );
}
