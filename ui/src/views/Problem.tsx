import { useEffect, useMemo, useState } from "preact/hooks";
import { draftReset, draftSave, errorBody, hintReveal, problemOpen } from "../api";
import type { ErrorBody, Facets, Language, LanguageInfo, ProblemView } from "../bindings/commands";
import { Editor } from "../components/Editor";
import { ErrorBanner } from "../components/ErrorBanner";
import { debounce } from "../lib/debounce";
import { capitalise, formatValue } from "../lib/format";
import { renderMarkdown } from "../lib/markdown";

type Props = { slug: string; facets: Facets; languages: LanguageInfo[]; initialLanguage: Language; onBack: () => void };
type SaveState = "saved" | "saving" | "unsaved" | "failed";

export function ProblemPage({ slug, facets, languages, initialLanguage, onBack }: Props) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [view, setView] = useState<ProblemView | null>(null);
  const [code, setCode] = useState("");
  const [hints, setHints] = useState<string[]>([]);
  const [save, setSave] = useState<SaveState>("saved");
  const [error, setError] = useState<ErrorBody | null>(null);
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
      })
      .catch((e) => setError(errorBody(e)));
  }, [slug, language, saver]);

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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") {
        e.preventDefault();
        saver.flush();
      } else if (e.altKey && e.key.toLowerCase() === "h") {
        e.preventDefault();
        revealNext();
      } else if (e.key === "Escape") {
        onBack();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const statement = useMemo(() => (view ? renderMarkdown(view.problem.statement) : ""), [view?.problem.statement]);

  if (!view) return <ErrorBanner error={error} />;
  const p = view.problem;
  return (
    <section class="problem">
      <div class="pane statement-pane">
        <button class="ghost back" onClick={onBack} data-testid="back">
          ← Library <kbd>Esc</kbd>
        </button>
        <h1 data-testid="problem-title">{p.title}</h1>
        <p class="meta">
          <span class={`badge ${p.difficulty}`}>{capitalise(p.difficulty)}</span>
          {p.categories.map((c) => (
            <span class="chip" key={c}>
              {labels.get(c) ?? c}
            </span>
          ))}
        </p>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <div class="statement" data-testid="statement" dangerouslySetInnerHTML={{ __html: statement }} />
        <h2>Examples</h2>
        {p.examples.map((ex, i) => (
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
          <span class={`save ${save}`} data-testid="save-state">
            {save === "saved" ? "Draft saved" : save === "saving" ? "Saving…" : save === "failed" ? "Not saved" : "Unsaved"}
          </span>
          <span class="shortcuts muted small">
            <kbd>Ctrl+S</kbd> save · <kbd>Alt+H</kbd> hint · <kbd>Esc</kbd> back
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
      </div>
    </section>
  );
}
