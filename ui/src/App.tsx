import { useEffect, useState } from "preact/hooks";
import { appInfo, errorBody, libraryFacets, settingsGet, settingsSave } from "./api";
import type { AppInfo, ErrorBody, Facets, Settings } from "./bindings/commands";
import { ErrorBanner } from "./components/ErrorBanner";
import { applyTheme } from "./lib/theme";
import { LibraryView } from "./views/Library";
import { SettingsView } from "./views/Settings";

/** The problem view carries the editor (most of the bundle): load it when first opened. */
type ProblemModule = typeof import("./views/Problem");
let problemModule: Promise<ProblemModule> | null = null;
const loadProblemView = () => (problemModule ??= import("./views/Problem"));

export type Route = { view: "library" } | { view: "problem"; slug: string } | { view: "settings" };

const DEFAULT_SETTINGS: Settings = { theme: "system", default_language: "python", images: {} };

export function App() {
  const [route, setRoute] = useState<Route>({ view: "library" });
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [facets, setFacets] = useState<Facets>({ categories: [], companies: [] });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [fatal, setFatal] = useState<ErrorBody | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [problemView, setProblemView] = useState<ProblemModule | null>(null);

  useEffect(() => {
    if (route.view === "problem" && !problemView) {
      loadProblemView()
        .then(setProblemView)
        .catch((e) => setError(errorBody(e)));
    }
  }, [route.view, problemView]);

  useEffect(() => {
    Promise.all([appInfo(), libraryFacets(), settingsGet()])
      .then(([i, f, s]) => {
        setInfo(i);
        setFacets(f);
        setSettings(s);
      })
      .catch((e) => setFatal(errorBody(e)));
  }, []);

  useEffect(() => applyTheme(settings.theme), [settings.theme]);

  const saveSettings = async (next: Settings) => {
    try {
      await settingsSave(next);
      setSettings(next);
    } catch (e) {
      setError(errorBody(e));
    }
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
          <button class={route.view !== "settings" ? "tab active" : "tab"} onClick={() => setRoute({ view: "library" })} data-testid="nav-library">
            Library
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
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <main class="content">
        {route.view === "library" && <LibraryView facets={facets} onOpen={(slug) => setRoute({ view: "problem", slug })} />}
        {route.view === "problem" && problemView && (
          <problemView.ProblemPage
            slug={route.slug}
            facets={facets}
            languages={info?.languages ?? []}
            initialLanguage={settings.default_language}
            onBack={() => setRoute({ view: "library" })}
          />
        )}
        {route.view === "settings" && <SettingsView info={info} settings={settings} onChange={saveSettings} />}
      </main>
    </div>
  );
}
