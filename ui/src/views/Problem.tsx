import { useEffect, useMemo, useState } from "preact/hooks";
import { codeRun, draftReset, draftSave, errorBody, hintReveal, onSandboxProgress, problemOpen, sandboxStatus, sandboxWarm } from "../api";
import type { ErrorBody, Facets, Language, LanguageInfo, ProblemView, RunMode, RunReport, SandboxProgress, SandboxStatus, InterviewerMode } from "../bindings/commands";
import { Editor } from "../components/Editor";
import { ErrorBanner } from "../components/ErrorBanner";
import { RunPanel } from "../components/RunPanel";
import { parseCustomInputs } from "../lib/run";
import { debounce } from "../lib/debounce";
import { useEditorShortcuts } from "../lib/shortcuts";
import { Statement } from "../components/Statement";

type Props = {
  slug: string;
  facets: Facets;
  languages: LanguageInfo[];
  initialLanguage: Language;
  onBack: () => void;
  onInterview: (slug: string, language: Language, minutes: number, mode: InterviewerMode) => void;
};
type SaveState = "saved" | "saving" | "unsaved" | "failed";

export function ProblemPage({ slug, facets, languages, initialLanguage, onBack, onInterview }: Props) {
  const [minutes, setMinutes] = useState(45);
  const [mode, setMode] = useState<InterviewerMode>("silent");
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [view, setView] = useState<ProblemView | null>(null);
  const [code, setCode] = useState("");
  const [hints, setHints] = useState<string[]>([]);
  const [save, setSave] = useState<SaveState>("saved");
  const [error, setError] = useState<ErrorBody | null>(null);
  const [sandbox, setSandbox] = useState<SandboxStatus | null>(null);
  const [busy, setBusy] = useState<RunMode | null>(null);
  const [progress, setProgress] = useState<SandboxProgress | null>(null);
  const [report, setReport] = useState<RunReport | null>(null);
  const [runError, setRunError] = useState<ErrorBody | null>(null);
  const [custom, setCustom] = useState("");
  const labels = new Map(facets.categories.map((c) => [c.id, c.label]));
  const dark = document.documentElement.dataset.theme === "dark";

  const saver = useMemo(
    () =>
      debounce((s: string, l: Language, text: string) => {
        setSave("saving");
        draftSave(s, l, text)
          .then(() => setSave("saved"))
          .catch((e) => {
            setSave("failed");
            setError(errorBody(e));
          });
      }, 400),
    [],
  );

  useEffect(() => () => saver.flush(), [saver]);

  useEffect(() => {
    saver.flush();
    problemOpen(slug, language)
      .then((v) => {
        setView(v);
        setCode(v.draft ?? v.starter_code);
        setHints(v.revealed_hints);
        setSave("saved");
        setReport(null);
      })
      .catch((e) => setError(errorBody(e)));
  }, [slug, language, saver]);

  const checkSandbox = () => {
    sandboxStatus()
      .then((st) => {
        setSandbox(st);
        if (st.ready) {
          setRunError(null);
          sandboxWarm(language).catch(() => undefined);
        }
      })
      .catch((e) => setRunError(errorBody(e)));
  };
  useEffect(checkSandbox, [language]);

  useEffect(() => {
    const unlisten = onSandboxProgress(setProgress);
    return () => {
      unlisten.then((f) => f());
    };
  }, []);

  const runCode = async (mode: RunMode) => {
    if (busy) return;
    const parsed = parseCustomInputs(mode === "run" ? custom : "");
    if (parsed.error) {
      setRunError({ code: "invalid_input", message: `Custom input: ${parsed.error}` });
      return;
    }
    saver.flush();
    setBusy(mode);
    setProgress(null);
    setRunError(null);
    try {
      setReport(await codeRun({ slug, language, code, mode, custom: parsed.inputs }));
    } catch (e) {
      setReport(null);
      setRunError(errorBody(e));
    } finally {
      setBusy(null);
    }
  };

  const revealNext = async () => {
    if (!view || hints.length >= view.problem.hint_count) return;
    try {
      const h = await hintReveal(slug, hints.length + 1);
      setHints((prev) => [...prev, h.text]);
    } catch (e) {
      setError(errorBody(e));
    }
  };

  const reset = async () => {
    if (!confirm("Replace your code with the starter code? Your draft for this language will be lost.")) return;
    saver.cancel();
    try {
      const starter = await draftReset(slug, language);
      setView((v) => (v ? { ...v, draft: null, starter_code: starter } : v));
      setCode(starter);
      setSave("saved");
    } catch (e) {
      setError(errorBody(e));
    }
  };

  useEditorShortcuts({ run: runCode, save: () => saver.flush(), hint: revealNext, back: onBack });

  if (!view) return <ErrorBanner error={error} />;
  const p = view.problem;
  return (
    <section class="problem">
      <div class="pane statement-pane">
        <button class="ghost back" onClick={onBack} data-testid="back">
          ← Library <kbd>Esc</kbd>
        </button>
        <Statement problem={p} labels={labels} />
        <div class="start-interview">
          <select aria-label="Interview length" data-testid="interview-minutes" value={minutes} onChange={(e) => setMinutes(Number((e.target as HTMLSelectElement).value))}>
            {[30, 45, 60].map((m) => (
              <option value={m} key={m}>
                {m} minutes
              </option>
            ))}
          </select>
          <select aria-label="Interviewer" data-testid="interview-mode" value={mode} onChange={(e) => setMode((e.target as HTMLSelectElement).value as InterviewerMode)}>
            <option value="silent">On my own</option>
            <option value="voice">With a voice interviewer</option>
            <option value="text">With a text interviewer</option>
          </select>
          <button onClick={() => onInterview(slug, language, minutes, mode)} data-testid="start-interview">
            Start a timed interview
          </button>
        </div>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <h2>Hints</h2>
        <ol class="hints" data-testid="hints">
          {hints.map((h, i) => (
            <li key={i} data-testid="hint">
              {h}
            </li>
          ))}
        </ol>
        {hints.length < p.hint_count ? (
          <button onClick={revealNext} data-testid="reveal-hint">
            Reveal hint {hints.length + 1} of {p.hint_count} <kbd>Alt+H</kbd>
          </button>
        ) : (
          <p class="muted">All hints revealed.</p>
        )}
        <p class="muted small">
          Target: {p.time_complexity} time, {p.space_complexity} space · <code>{p.signature}</code>
        </p>
      </div>
      <div class="pane editor-pane">
        <div class="editor-bar">
          <select aria-label="Language" data-testid="language" value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as Language)}>
            {languages.map((l) => (
              <option value={l.id} key={l.id}>
                {l.label}
              </option>
            ))}
          </select>
          <button class="ghost" onClick={reset} data-testid="reset">
            Reset to starter
          </button>
          <button class="primary" onClick={() => runCode("run")} disabled={busy !== null} data-testid="run" title="Run the examples and your custom input (Ctrl+Enter)">
            Run
          </button>
          <button onClick={() => runCode("submit")} disabled={busy !== null} data-testid="submit" title="Run every test, hidden ones included (Ctrl+Shift+Enter)">
            Submit
          </button>
          <span class={`save ${save}`} data-testid="save-state">
            {save === "saved" ? "Draft saved" : save === "saving" ? "Saving…" : save === "failed" ? "Not saved" : "Unsaved"}
          </span>
          <span class="shortcuts muted small">
            <kbd>Ctrl+Enter</kbd> run · <kbd>Ctrl+Shift+Enter</kbd> submit · <kbd>Ctrl+S</kbd> save · <kbd>Alt+H</kbd> hint · <kbd>Esc</kbd> back
          </span>
        </div>
        <Editor
          docKey={`${slug}:${language}:${view.draft === null ? "starter" : "draft"}:${view.starter_code.length}`}
          value={code}
          language={language}
          dark={dark}
          onChange={(text) => {
            setCode(text);
            setSave("unsaved");
            saver.call(slug, language, text);
          }}
        />
        <RunPanel
          status={sandbox}
          onRetry={checkSandbox}
          busy={busy}
          progress={progress}
          report={report}
          error={runError}
          custom={custom}
          onCustom={setCustom}
          customExample={view.problem.examples[0] ? JSON.stringify(view.problem.examples[0].input) : ""}
        />
      </div>
    </section>
  );
}
