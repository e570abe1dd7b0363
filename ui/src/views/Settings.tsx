import type { AppInfo, Language, Settings, Theme } from "../bindings/commands";
import { AiSettings } from "../components/AiSettings";
import { ProviderKeys } from "../components/ProviderKeys";
import { VoiceSettings } from "../components/VoiceSettings";

type Props = { info: AppInfo | null; settings: Settings; onChange: (s: Settings) => Promise<void> | void };

const THEMES: { id: Theme; label: string }[] = [
  { id: "system", label: "Follow the system" },
  { id: "light", label: "Light" },
  { id: "dark", label: "Dark" },
];

export function SettingsView({ info, settings, onChange }: Props) {
  return (
    <section class="settings">
      <h1>Settings</h1>
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t.id}>
            <input type="radio" name="theme" value={t.id} checked={settings.theme === t.id} onChange={() => onChange({ ...settings, theme: t.id })} data-testid={`theme-${t.id}`} />
            {t.label}
          </label>
        ))}
      </fieldset>
      <label class="field">
        Default language
        <select
          value={settings.default_language}
          data-testid="default-language"
          onChange={(e) => onChange({ ...settings, default_language: (e.target as HTMLSelectElement).value as Language })}
        >
          {(info?.languages ?? []).map((l) => (
            <option value={l.id} key={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        Keep interview transcripts for
        <input
          type="number"
          min={1}
          max={3650}
          value={settings.transcript_retention_days}
          data-testid="retention-days"
          onChange={(e) => {
            const days = Math.round(Number((e.target as HTMLInputElement).value));
            if (days >= 1) onChange({ ...settings, transcript_retention_days: days });
          }}
        />
        days (older lines are deleted when Rehearse starts)
      </label>
      <ProviderKeys settings={settings} onChange={onChange} />
      <VoiceSettings settings={settings} onChange={onChange} />
      <AiSettings settings={settings} onChange={onChange} />
      <fieldset class="images">
        <legend>Sandbox images</legend>
        <p class="muted small">
          The Docker image each language runs in. Leave empty for the default; a local image (for example one built with <code>cargo xtask images</code>) works offline.
          <code>REHEARSE_IMAGE_&lt;LANGUAGE&gt;</code> overrides this.
        </p>
        {(info?.languages ?? []).map((l) => (
          <label class="image" key={l.id}>
            <span>{l.label}</span>
            <input
              type="text"
              spellcheck={false}
              placeholder={l.default_image}
              value={settings.images[l.id] ?? ""}
              data-testid={`image-${l.id}`}
              onChange={(e) => {
                const images = { ...settings.images, [l.id]: (e.target as HTMLInputElement).value.trim() };
                if (!images[l.id]) delete images[l.id];
                onChange({ ...settings, images });
              }}
            />
          </label>
        ))}
      </fieldset>
      {info && (
        <dl class="paths">
          <dt>Data folder</dt>
          <dd data-testid="data-dir">
            <code>{info.data_dir}</code>
          </dd>
          <dt>Database</dt>
          <dd>
            <code>{info.database}</code>
          </dd>
          <dt>Logs</dt>
          <dd>
            <code>{info.logs_dir}</code>
          </dd>
          <dt>Version</dt>
          <dd>{info.version}</dd>
        </dl>
      )}
      <p class="muted small">Set REHEARSE_DATA_DIR before starting Rehearse to keep your data elsewhere.</p>
    </section>
  );
}
