import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  errorBody,
  onSandboxProgress,
  onSessionCost,
  onVoiceEvent,
  onSessionTick,
  problemOpen,
  sandboxStatus,
  sandboxWarm,
  sessionAutosave,
  sessionCheckpoint,
  sessionEnd,
  sessionHint,
  sessionRun,
  sessionState,
  textContinue,
} from "../api";
import { useEditorShortcuts } from "../lib/shortcuts";
import type { CostMeter, ErrorBody, Facets, ProblemDetail, RunMode, RunReport, SandboxProgress, SandboxStatus, SessionState, Settings } from "../bindings/commands";
import { Editor } from "../components/Editor";
import { ErrorBanner } from "../components/ErrorBanner";
import { TextPanel } from "../components/TextPanel";
import { VoicePanel } from "../components/VoicePanel";
import { RunPanel } from "../components/RunPanel";
import { Statement } from "../components/Statement";
import { debounce } from "../lib/debounce";
import { countdown } from "../lib/session";

type Props = { id: string; facets: Facets; settings: Settings; onSettings: (s: Settings) => Promise<void>; onEnded: (id: string) => void };

/** The interview room: the problem, the editor, Run/Submit, the clock (kept in Rust), hints, a checkpoint and End. */
export function InterviewRoom({ id, facets, settings, onSettings, onEnded }: Props) {
  const [state, setState] = useState<SessionState | null>(null);
  const [problem, setProblem] = useState<ProblemDetail | null>(null);
  const [code, setCode] = useState("");
  const [remaining, setRemaining] = useState(0);
  const [cost, setCost] = useState<CostMeter | null>(null);
  const [hints, setHints] = useState<string[]>([]);
  const [hintBusy, setHintBusy] = useState(false);
  const codeNow = useRef("");
  const ending = useRef(false);
  const [hintNote, setHintNote] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [storage, setStorage] = useState<ErrorBody | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [sandbox, setSandbox] = useState<SandboxStatus | null>(null);
  const [busy, setBusy] = useState<RunMode | null>(null);
  const [progress, setProgress] = useState<SandboxProgress | null>(null);
  const [report, setReport] = useState<RunReport | null>(null);
  const [runError, setRunError] = useState<ErrorBody | null>(null);
  const labels = new Map(facets.categories.map((c) => [c.id, c.label]));
  const dark = document.documentElement.dataset.theme === "dark";

  const autosave = useMemo(
    () =>
      debounce((text: string) => {
        sessionAutosave(id, text).then(
          () => setStorage(null),
          (e) => setStorage(errorBody(e)),
        );
      }, 250),
    [id],
  );
  useEffect(() => () => autosave.flush(), [autosave]);

  useEffect(() => {
    sessionState(id)
      .then(async (s) => {
        if (s.session.status !== "active") return onEnded(id);
        setState(s);
        setCode(s.code);
        setHints(s.hints);
        setRemaining(s.remaining_ms);
        const view = await problemOpen(s.session.problem_slug, s.session.language);
        setProblem(view.problem);
      })
      .catch((e) => setError(errorBody(e)));
    const checkSandbox = () => sandboxStatus().then(setSandbox, (e) => setRunError(errorBody(e)));
    checkSandbox();
  }, [id]);

  useEffect(() => {
    if (state) sandboxWarm(state.session.language).catch(() => undefined);
  }, [state?.session.language]);

  useEffect(() => {
    const ticks = onSessionTick((t) => {
      if (t.id !== id) return;
      setRemaining(t.remaining_ms);
      setStorage(t.storage_error);
      if (t.warnings.length) setWarning(`${Math.min(...t.warnings)} minutes left.`);
      // Time is up: the report is finished (the AI evaluator, when on) before it is shown.
      if (t.status !== "active" && !ending.current) {
        ending.current = true;
        setWarning("Time is up: writing your report…");
        sessionEnd(id, codeNow.current)
          .catch(() => undefined)
          .finally(() => onEnded(id));
      }
    });
    const progressEvents = onSandboxProgress(setProgress);
    const costs = onSessionCost(setCost);
    // A hint the interviewer gave (its hint tool) joins the list like one asked for here.
    const given = onVoiceEvent((e) => {
      if (e.kind === "hint") setHints((prev) => [...prev, e.text]);
    });
    return () => {
      given.then((f) => f());
      ticks.then((f) => f());
      costs.then((f) => f());
      progressEvents.then((f) => f());
    };
  }, [id]);

  const run = async (mode: RunMode) => {
    if (busy) return;
    autosave.flush();
    setBusy(mode);
    setProgress(null);
    setRunError(null);
    try {
      setReport(await sessionRun(id, code, mode));
    } catch (e) {
      setReport(null);
      setRunError(errorBody(e));
    } finally {
      setBusy(null);
    }
  };

  const hint = async () => {
    if (!problem || hints.length >= problem.hint_count || hintBusy) return;
    setHintBusy(true);
    try {
      const h = await sessionHint(id);
      setHints((prev) => [...prev, h.text]);
      setHintNote(h.note);
    } catch (e) {
      setError(errorBody(e));
    } finally {
      setHintBusy(false);
    }
  };

  const checkpoint = async () => {
    try {
      await sessionCheckpoint(id, code);
      setSaved(`Checkpoint at ${countdown((state?.session.duration_ms ?? 0) - remaining)}`);
    } catch (e) {
      setError(errorBody(e));
    }
  };

  const end = async () => {
    if (!confirm("End the interview now? You will see your report.")) return;
    autosave.cancel();
    ending.current = true;
    try {
      await sessionEnd(id, code);
      onEnded(id);
    } catch (e) {
      setError(errorBody(e));
    }
  };

  useEditorShortcuts({ run, save: checkpoint, hint });
  codeNow.current = code;

  if (!state || !problem) return <ErrorBanner error={error} />;
  const low = remaining <= 2 * 60_000;
  return (
    <section class="problem interview">
      <div class="pane statement-pane">
        <div class="room-bar">
          <span class={`timer ${low ? "low" : ""}`} data-testid="timer" aria-live="polite">
            {countdown(remaining)}
          </span>
          <span class="muted small" data-testid="interviewer-mode">
            Interviewer: {state.session.mode}
          </span>
          {cost && (
            <span
              class={`muted small ${cost.budget_usd !== null && cost.usd >= 0.8 * cost.budget_usd ? "low" : ""}`}
              data-testid="cost-meter"
              title={`Voice $${cost.voice_usd.toFixed(4)}, agents $${cost.agents_usd.toFixed(4)}`}
            >
              ${cost.usd.toFixed(cost.usd < 1 ? 3 : 2)}
              {cost.budget_usd !== null && ` of $${cost.budget_usd.toFixed(2)}`}
            </span>
          )}
          <button class="danger" onClick={end} data-testid="end-interview">
            End interview
          </button>
        </div>
        {warning && (
          <div class="banner notice" role="status" data-testid="time-warning">
            {warning}
            <button class="ghost" onClick={() => setWarning(null)} aria-label="Dismiss">
              ×
            </button>
          </div>
        )}
        {storage && (
          <div class="banner error" role="alert" data-testid="storage-warning">
            <code>{storage.code}</code>
            <span>Your work is kept in memory and saved again as soon as possible: {storage.message}</span>
          </div>
        )}
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        {state.session.mode === "voice" && (
          <VoicePanel
            id={id}
            settings={settings}
            onSettings={onSettings}
            onText={() =>
              textContinue(id)
                .then(() => sessionState(id))
                .then(setState)
            }
          />
        )}
        {state.session.mode === "text" && <TextPanel id={id} earlier={state.transcript} />}
        <Statement problem={problem} labels={labels} />
        <h2>Hints</h2>
        <ol class="hints" data-testid="hints">
          {hints.map((h, i) => (
            <li key={i} data-testid="hint">
              {h}
            </li>
          ))}
        </ol>
        {hintNote && (
          <p class="muted" data-testid="hint-note">
            {hintNote}
          </p>
        )}
        {hints.length < problem.hint_count && (
          <button onClick={hint} disabled={hintBusy} data-testid="reveal-hint">
            {hintBusy ? "Writing a hint for your code…" : `Reveal hint ${hints.length + 1} of ${problem.hint_count}`} <kbd>Alt+H</kbd>
          </button>
        )}
      </div>
      <div class="pane editor-pane">
        <div class="editor-bar">
          <strong>{state.session.language}</strong>
          <button class="primary" onClick={() => run("run")} disabled={busy !== null} data-testid="run">
            Run
          </button>
          <button onClick={() => run("submit")} disabled={busy !== null} data-testid="submit">
            Submit
          </button>
          <button class="ghost" onClick={checkpoint} data-testid="checkpoint" title="Ctrl+S">
            Checkpoint
          </button>
          {saved && <span class="save saved">{saved}</span>}
          <span class="shortcuts muted small">
            <kbd>Ctrl+Enter</kbd> run · <kbd>Ctrl+Shift+Enter</kbd> submit · <kbd>Ctrl+S</kbd> checkpoint · <kbd>Alt+H</kbd> hint
          </span>
        </div>
        <Editor
          docKey={`session:${id}`}
          value={code}
          language={state.session.language}
          dark={dark}
          onChange={(text) => {
            setCode(text);
            autosave.call(text);
          }}
        />
        <RunPanel
          status={sandbox}
          onRetry={() => sandboxStatus().then(setSandbox, (e) => setRunError(errorBody(e)))}
          busy={busy}
          progress={progress}
          report={report}
          error={runError}
          custom=""
          onCustom={() => undefined}
          customExample=""
          showCustom={false}
        />
      </div>
    </section>
  );
}
