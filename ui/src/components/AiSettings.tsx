import { useEffect, useRef, useState } from "preact/hooks";
import { aiRoutes, errorBody } from "../api";
import type { AiChoice, AiProvider, AiRoute, AiRole, ErrorBody, Settings } from "../bindings/commands";
import { ErrorBanner } from "./ErrorBanner";

const ROLES: { id: AiRole; label: string; what: string }[] = [
  { id: "interviewer", label: "Text interviewer", what: "the typed interview" },
  { id: "observer", label: "Code observer", what: "reads the code as it is written" },
  { id: "evaluator", label: "Evaluator", what: "the evidence-linked report" },
  { id: "hints", label: "AI hints", what: "hints from the current code" },
];

const PROVIDERS: { id: AiProvider; label: string }[] = [
  { id: "anthropic", label: "Anthropic" },
  { id: "openai", label: "OpenAI" },
  { id: "compatible", label: "OpenAI-compatible (local)" },
];

/** Settings → AI: each agent role's provider and model, on or off, and what it lacks. */
export function AiSettings({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => Promise<void> | void }) {
  const [routes, setRoutes] = useState<AiRoute[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  // Answers to an older question may come after a newer one's: only the latest counts.
  const asked = useRef(0);
  const refresh = () => {
    const n = ++asked.current;
    aiRoutes().then(
      (r) => n === asked.current && setRoutes(r),
      (e) => n === asked.current && setError(errorBody(e)),
    );
  };
  useEffect(refresh, [settings]);
  // The roles are resolved again once the change is stored.
  const set = (role: AiRole, c: Partial<AiChoice>) =>
    Promise.resolve(onChange({ ...settings, ai: { ...settings.ai, [role]: { ...settings.ai[role], ...c } } })).then(refresh);
  return (
    <fieldset class="ai-settings" data-testid="ai-settings">
      <legend>AI</legend>
      <p class="muted small">Each agent's model. A role is on when its provider has a key (or, for a local server, a base URL and a model).</p>
      <ErrorBanner error={error} />
      {ROLES.map((r) => {
        const route = routes.find((x) => x.role === r.id);
        const choice = settings.ai[r.id];
        return (
          <div class="ai-role" key={r.id} data-testid={`ai-role-${r.id}`}>
            <label class="toggle">
              <input type="checkbox" checked={choice.enabled !== false} onChange={(e) => set(r.id, { enabled: (e.target as HTMLInputElement).checked ? null : false })} data-testid={`ai-on-${r.id}`} />
              <strong>{r.label}</strong> <span class="muted small">{r.what}</span>
            </label>
            <select value={choice.provider ?? route?.provider ?? "anthropic"} data-testid={`ai-provider-${r.id}`} onChange={(e) => set(r.id, { provider: (e.target as HTMLSelectElement).value as AiProvider, model: null })}>
              {PROVIDERS.map((p) => (
                <option value={p.id} key={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            <input
              type="text"
              spellcheck={false}
              placeholder={route?.model || "model name"}
              value={choice.model ?? ""}
              data-testid={`ai-model-${r.id}`}
              onChange={(e) => set(r.id, { model: (e.target as HTMLInputElement).value.trim() || null })}
            />
            <span class={`ai-status small ${route?.on ? "ok" : "muted"}`} data-testid={`ai-status-${r.id}`}>
              {!route ? "" : route.on ? `On · ${route.model}` : route.turned_off ? "Off" : (route.problem?.message ?? "Off")}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
