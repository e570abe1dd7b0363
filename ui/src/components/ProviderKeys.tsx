import { useEffect, useState } from "preact/hooks";
import { errorBody, keyRemove, keySet, keyTest, keysList } from "../api";
import type { ErrorBody, KeyCheck, KeyStatus, KeysView, Provider, Settings } from "../bindings/commands";
import { ErrorBanner } from "./ErrorBanner";

type Props = { settings: Settings; onChange: (s: Settings) => void };

const KEYCHAIN_LABEL = { "secret-service": "the Secret Service (your login keyring)", kernel: "the kernel keyring (until the machine restarts)" } as const;

/** API keys per provider: add, test, remove. Keys go to the OS keychain; this page only ever sees whether one is set and its last four characters. */
export function ProviderKeys({ settings, onChange }: Props) {
  const [view, setView] = useState<KeysView | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  useEffect(() => {
    keysList().then(setView, (e) => setError(errorBody(e)));
  }, []);
  const replace = (s: KeyStatus) => setView((v) => v && { ...v, keys: v.keys.map((k) => (k.provider === s.provider ? s : k)) });
  return (
    <fieldset class="keys" data-testid="provider-keys">
      <legend>AI provider keys</legend>
      <p class="muted small">
        {view?.keychain
          ? `Stored in ${KEYCHAIN_LABEL[view.keychain]}, never in Rehearse's files.`
          : "Keys are stored only in the operating system's keychain."}{" "}
        An environment variable (<code>OPENAI_API_KEY</code>, <code>GEMINI_API_KEY</code>, <code>ANTHROPIC_API_KEY</code>) takes precedence.
      </p>
      <ErrorBanner error={view?.keychain_error ?? null} />
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {view?.keys.map((k) => (
        <KeyRow key={k.provider} status={k} canStore={view.keychain !== null} onStatus={replace} onError={setError} />
      ))}
      <label class="field">
        OpenAI-compatible base URL
        <input
          type="url"
          placeholder="http://localhost:11434/v1"
          value={settings.compatible_base_url}
          data-testid="compatible-base-url"
          onChange={(e) => onChange({ ...settings, compatible_base_url: (e.target as HTMLInputElement).value.trim() })}
        />
      </label>
    </fieldset>
  );
}

function KeyRow({ status, canStore, onStatus, onError }: { status: KeyStatus; canStore: boolean; onStatus: (s: KeyStatus) => void; onError: (e: ErrorBody) => void }) {
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<KeyCheck | null>(null);
  const provider: Provider = status.provider;
  const act = (p: Promise<void>) => {
    setBusy(true);
    p.catch((e) => onError(errorBody(e))).finally(() => setBusy(false));
  };
  const save = () =>
    act(
      keySet(provider, draft).then((s) => {
        setDraft("");
        setCheck(null);
        onStatus(s);
      }),
    );
  return (
    <div class="key-row" data-testid={`key-${provider}`}>
      <span class="key-label">{status.label}</span>
      <span class="key-state" data-testid={`key-state-${provider}`}>
        {status.set ? `set …${status.last4}${status.source === "env" ? ` (from ${status.env_var})` : ""}` : "not set"}
      </span>
      {canStore && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) save();
          }}
        >
          <input
            type="password"
            autocomplete="off"
            placeholder={status.set ? "Replace the key" : "Paste a key"}
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
            data-testid={`key-input-${provider}`}
          />
          <button type="submit" disabled={busy || !draft.trim()} data-testid={`key-save-${provider}`}>
            Save
          </button>
        </form>
      )}
      <button class="ghost" disabled={busy || !status.set} onClick={() => act(keyTest(provider).then(setCheck))} data-testid={`key-test-${provider}`}>
        Test
      </button>
      {canStore && status.set && status.source === "keychain" && (
        <button class="ghost" disabled={busy} onClick={() => act(keyRemove(provider).then(onStatus))} data-testid={`key-remove-${provider}`}>
          Remove
        </button>
      )}
      {check && (
        <span class={check.ok ? "ok small" : "error small"} data-testid={`key-check-${provider}`}>
          {check.message} ({check.latency_ms} ms)
        </span>
      )}
    </div>
  );
}
