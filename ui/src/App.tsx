import { useEffect, useRef, useState } from "preact/hooks";
import { appInfo, errorBody, libraryFacets, sessionAbandon, sessionResume, sessionStart, sessionsRecoverable, settingsGet, settingsSave } from "./api";
import type { AppInfo, Difficulty, ErrorBody, Facets, Language, Session, Settings, InterviewerMode } from "./bindings/commands";
import { ErrorBanner } from "./components/ErrorBanner";
import { countdown } from "./lib/session";
import { applyTheme } from "./lib/theme";
import { HistoryView } from "./views/History";
import { LibraryView } from "./views/Library";
import { ReplayView } from "./views/Replay";
import { ReportView } from "./views/Report";
import { SettingsView } from "./views/Settings";

/** The views with the editor carry most of the bundle: load them when first opened. */
type EditorViews = typeof import("./views/editorViews");
let editorModule: Promise<EditorViews> | null = null;
const loadEditorViews = () => (editorModule ??= import("./views/editorViews"));

export type Route =
  | { view: "library" }
  | { view: "problem"; slug: string }
  | { view: "settings" }
  | { view: "interview"; id: string }
  | { view: "report"; id: string }
  | { view: "history" }
  | { view: "replay"; id: string; at?: number };

/** The view a URL fragment opens at start (`#history`, `#settings`); the library otherwise. */
function initialRoute(): Route {
  const view = window.location.hash.slice(1);
  return view === "history" || view === "settings" ? { view } : { view: "library" };
}

export function App() {
  const [route, setRoute] = useState<Route>(initialRoute);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [facets, setFacets] = useState<Facets>({ categories: [], companies: [] });
  // Saved settings, or Rust's defaults when none are saved; the views wait for them.
  const [settings, setSettings] = useState<Settings | null>(null);
  const [fatal, setFatal] = useState<ErrorBody | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [editorViews, setEditorViews] = useState<EditorViews | null>(null);
  const [interrupted, setInterrupted] = useState<Session[]>([]);

  useEffect(() => {
    if ((route.view === "problem" || route.view === "interview") && !editorViews) {
      loadEditorViews()
        .then(setEditorViews)
        .catch((e) => setError(errorBody(e)));
    }
  }, [route.view, editorViews]);

  useEffect(() => {
    sessionsRecoverable().then(setInterrupted, (e) => setError(errorBody(e)));
  }, []);

  const startInterview = async (slug: string | null, language: Language, minutes: number, mode: InterviewerMode = "silent", difficulty: Difficulty | null = null) => {
    try {
      const state = await sessionStart({ problem: slug, difficulty, category: null, language, minutes, mode });
      setRoute({ view: "interview", id: state.session.id });
    } catch (e) {
      setError(errorBody(e));
    }
  };

  const recover = async (s: Session, resume: boolean) => {
    setInterrupted((list) => list.filter((x) => x.id !== s.id));
    try {
      if (resume) {
        await sessionResume(s.id);
        setRoute({ view: "interview", id: s.id });
      } else {
        await sessionAbandon(s.id);
        setRoute({ view: "report", id: s.id });
      }
    } catch (e) {
      setError(errorBody(e));
    }
  };

  useEffect(() => {
    Promise.all([appInfo(), libraryFacets(), settingsGet()])
      .then(([i, f, s]) => {
        setInfo(i);
        setFacets(f);
        setSettings(s);
      })
      .catch((e) => setFatal(errorBody(e)));
  }, []);

  useEffect(() => {
    if (settings) applyTheme(settings.theme);
  }, [settings?.theme]);

  // Shown at once and saved one after another, so quick changes build on each other and are
  // stored in the order they were made; a refused one brings back what is stored.
  const saving = useRef<Promise<void>>(Promise.resolve());
  const saveSettings = (next: Settings) => {
    setSettings(next);
    const done = saving.current
      .then(() => settingsSave(next))
      .catch((e) => {
        setError(errorBody(e));
        return settingsGet().then(setSettings, () => undefined);
      });
    saving.current = done;
    return done;
  };

  if (fatal) {
    return (
      <main class="fatal">
        <h1>Rehearse could not start</h1>
        <ErrorBanner error={fatal} />
      </main>
    );
  }

  return (
    <div class="shell">
      <header class="topbar">
        <button class="brand ghost" onClick={() => setRoute({ view: "library" })}>
          Rehearse
        </button>
        <nav>
          <button class={route.view === "library" || route.view === "problem" ? "tab active" : "tab"} onClick={() => setRoute({ view: "library" })} data-testid="nav-library">
            Library
          </button>
          <button class={["history", "report", "replay"].includes(route.view) ? "tab active" : "tab"} onClick={() => setRoute({ view: "history" })} data-testid="nav-history">
            History
          </button>
          <button class={route.view === "settings" ? "tab active" : "tab"} onClick={() => setRoute({ view: "settings" })} data-testid="nav-settings">
            Settings
          </button>
        </nav>
      </header>
      {info?.notices.map((n) => (
        <div class="banner notice" role="status" key={n.code} data-testid="notice">
          {n.message}
        </div>
      ))}
      {interrupted.map((s) => (
        <div class="banner notice" role="alert" key={s.id} data-testid="recover">
          <span>
            An interview was interrupted: <strong>{s.problem_title}</strong> ({s.language}), {countdown(s.duration_ms - Math.max(0, (s.ended_at ?? Date.now()) - (s.started_at ?? Date.now()) - s.paused_ms))} left before it stopped.
          </span>
          <button onClick={() => recover(s, true)} data-testid="recover-resume">
            Resume
          </button>
          <button class="ghost" onClick={() => recover(s, false)} data-testid="recover-end">
            End it now
          </button>
        </div>
      ))}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {settings && (
      <main class="content">
        {route.view === "library" && <LibraryView facets={facets} onOpen={(slug) => setRoute({ view: "problem", slug })} />}
        {route.view === "problem" && editorViews && (
          <editorViews.ProblemPage
            slug={route.slug}
            facets={facets}
            languages={info?.languages ?? []}
            initialLanguage={settings.default_language}
            onBack={() => setRoute({ view: "library" })}
            onInterview={startInterview}
          />
        )}
        {route.view === "interview" && editorViews && (
          <editorViews.InterviewRoom key={route.id} id={route.id} facets={facets} settings={settings} onSettings={saveSettings} onEnded={(id) => setRoute({ view: "report", id })} />
        )}
        {route.view === "report" && (
          <ReportView key={route.id} id={route.id} onReplay={(id, at) => setRoute({ view: "replay", id, at })} onHistory={() => setRoute({ view: "history" })} />
        )}
        {route.view === "history" && (
          <HistoryView
            onOpen={(s) => setRoute(s.status === "active" ? { view: "interview", id: s.id } : { view: "report", id: s.id })}
            onStart={(slug, difficulty) => startInterview(slug, settings.default_language, 45, "silent", difficulty)}
          />
        )}
        {route.view === "replay" && <ReplayView key={`${route.id}:${route.at}`} id={route.id} at={route.at} onReport={(id) => setRoute({ view: "report", id })} />}
        {route.view === "settings" && <SettingsView info={info} settings={settings} onChange={saveSettings} />}
      </main>
      )}
    </div>
  );
}
