import { useEffect, useState } from "preact/hooks";
import type { ErrorBody, RunMode, RunReport, SandboxProgress, SandboxStatus, TestResult, Verdict } from "../bindings/commands";
import { formatValue } from "../lib/format";
import { isDockerError, parseCustomInputs, progressText, verdictLabel } from "../lib/run";

type Props = {
  status: SandboxStatus | null;
  onRetry: () => void;
  busy: RunMode | null;
  progress: SandboxProgress | null;
  report: RunReport | null;
  error: ErrorBody | null;
  custom: string;
  onCustom: (text: string) => void;
  /** An example's input, shown as the format to follow. */
  customExample: string;
  /** Custom input is offered outside interviews only. */
  showCustom?: boolean;
};

/** Docker's state, progress while code runs, custom input, and one row per test. */
export function RunPanel({ status, onRetry, busy, progress, report, error, custom, onCustom, customExample, showCustom = true }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  useEffect(() => {
    const failing = report?.tests.find((t) => !["accepted", "not_run", "compile_error"].includes(t.verdict));
    setOpen(failing ? failing.index : null);
  }, [report]);
  const customError = parseCustomInputs(custom).error;

  return (
    <div class="run-panel" data-testid="run-panel">
      {status && !status.ready && status.error && (
        <div class="banner error" role="alert" data-testid="sandbox-state">
          <code>{status.error.code}</code>
          <span>{status.error.message}</span>
          <button onClick={onRetry} data-testid="sandbox-retry">
            Retry
          </button>
        </div>
      )}
      {error && error.code !== status?.error?.code && (
        <div class="banner error" role="alert" data-testid="run-error">
          <code>{error.code}</code>
          <span>{error.message}</span>
          {isDockerError(error.code) && (
            <button onClick={onRetry} data-testid="sandbox-retry">
              Retry
            </button>
          )}
        </div>
      )}
      {showCustom && (
      <details class="custom-input" open={custom.trim() !== ""}>
        <summary>Custom input{custom.trim() ? ` (${parseCustomInputs(custom).inputs.length})` : ""}</summary>
        <textarea
          data-testid="custom-input"
          rows={3}
          spellcheck={false}
          placeholder={`One test per line, as JSON, e.g. ${customExample || '{"n": 3}'}`}
          value={custom}
          onInput={(e) => onCustom((e.target as HTMLTextAreaElement).value)}
        />
        {customError && <p class="field-error">{customError}</p>}
      </details>
      )}
      {busy && (
        <div class="progress" data-testid="run-progress">
          <span class="spinner" aria-hidden="true" />
          <span>{progressText(progress, busy)}</span>
          {progress?.kind === "pulling" && <PullBar progress={progress} />}
        </div>
      )}
      {!busy && report && <Summary report={report} />}
      {!busy && report && (
        <table class="results" data-testid="results">
          <thead>
            <tr>
              <th>#</th>
              <th>Test</th>
              <th>Verdict</th>
              <th class="num">Time</th>
              <th class="num">Memory</th>
            </tr>
          </thead>
          <tbody>
            {report.tests.map((t) => (
              <Row key={t.index} test={t} open={open === t.index} onToggle={() => setOpen(open === t.index ? null : t.index)} />
            ))}
          </tbody>
        </table>
      )}
      {!busy && !report && !error && status?.ready && (
        <p class="muted small" data-testid="sandbox-ready">
          {status.engine} · ready. <kbd>Ctrl+Enter</kbd> runs the examples, <kbd>Ctrl+Shift+Enter</kbd> submits.
        </p>
      )}
    </div>
  );
}

function PullBar({ progress }: { progress: Extract<SandboxProgress, { kind: "pulling" }> }) {
  const total = progress.layers.reduce((n, l) => n + l.total, 0);
  const done = progress.layers.reduce((n, l) => n + l.current, 0);
  return <progress max={total || 1} value={done} data-testid="pull-progress" />;
}

function Summary({ report }: { report: RunReport }) {
  return (
    <div class="summary">
      <strong class={`verdict ${report.verdict}`} data-testid="verdict">
        {verdictLabel(report.verdict)}
      </strong>
      <span data-testid="passed">
        {report.passed}/{report.total} passed
      </span>
      <span class="muted small">
        {report.mode === "submit" ? "Submit" : "Run"} · {report.wall_ms} ms
        {report.compile_cached ? " · compiled earlier" : report.compile_ms != null ? ` · compiled in ${report.compile_ms} ms` : ""}
      </span>
      {report.compile_output && <pre class="compile-output" data-testid="compile-output">{report.compile_output}</pre>}
    </div>
  );
}

function Row({ test, open, onToggle }: { test: TestResult; open: boolean; onToggle: () => void }) {
  const kind = test.custom ? "custom" : test.example ? "example" : "hidden";
  return (
    <>
      <tr class={`result ${test.verdict}`} data-testid="result-row" data-verdict={test.verdict} onClick={onToggle}>
        <td>{test.index + 1}</td>
        <td>{kind}</td>
        <td class="verdict-cell">{verdictLabel(test.verdict as Verdict)}</td>
        <td class="num">{test.time_ms != null ? `${test.time_ms.toFixed(1)} ms` : "—"}</td>
        <td class="num">{test.memory_kb != null ? `${(test.memory_kb / 1024).toFixed(1)} MB` : "—"}</td>
      </tr>
      {open && (
        <tr class="detail">
          <td colSpan={5} data-testid="result-detail">
            {test.message && <pre class="message">{test.message}</pre>}
            <dl>
              {test.input !== null && (
                <>
                  <dt>Input</dt>
                  <dd>
                    <code>{formatValue(test.input, 600)}</code>
                  </dd>
                </>
              )}
              {test.expected !== null && (
                <>
                  <dt>Expected</dt>
                  <dd>
                    <code>{formatValue(test.expected, 600)}</code>
                  </dd>
                </>
              )}
              {(test.actual !== null || test.verdict === "wrong_answer") && (
                <>
                  <dt>Output</dt>
                  <dd>
                    <code>{formatValue(test.actual, 600)}</code>
                  </dd>
                </>
              )}
              {test.stdout && (
                <>
                  <dt>Stdout</dt>
                  <dd>
                    <pre>{test.stdout}</pre>
                  </dd>
                </>
              )}
              {test.stderr && (
                <>
                  <dt>Stderr</dt>
                  <dd>
                    <pre>{test.stderr}</pre>
                  </dd>
                </>
              )}
            </dl>
          </td>
        </tr>
      )}
    </>
  );
}
