import { useEffect, useState } from "preact/hooks";
import { audioDevices, errorBody } from "../api";
import type { AudioDevices, DeviceInfo, ErrorBody, Level, Settings, VoiceSettings as Voice } from "../bindings/commands";

const LEVELS: { id: Level; label: string }[] = [
  { id: "junior", label: "Early career" },
  { id: "mid", label: "Mid-level" },
  { id: "senior", label: "Senior" },
];

/** Settings → Voice interviews: provider, headphones or speakers, devices, push-to-talk, level. */
export function VoiceSettings({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const [devices, setDevices] = useState<AudioDevices | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const voice = settings.voice;
  const set = (v: Partial<Voice>) => onChange({ ...settings, voice: { ...voice, ...v } });
  useEffect(() => {
    audioDevices().then(setDevices, (e) => setError(errorBody(e)));
  }, []);
  const problem = error ?? devices?.error ?? null;
  return (
    <fieldset class="voice-settings" data-testid="voice-settings">
      <legend>Voice interviews</legend>
      <label class="field">
        Provider
        <select value={voice.provider} data-testid="voice-provider" onChange={(e) => set({ provider: (e.target as HTMLSelectElement).value as Voice["provider"] })}>
          <option value="openai">OpenAI Realtime</option>
          <option value="gemini">Gemini Live</option>
        </select>
      </label>
      <div class="field">
        You listen with
        <label>
          <input type="radio" name="speaker-mode" checked={voice.speaker_mode === "headphones"} onChange={() => set({ speaker_mode: "headphones" })} data-testid="mode-headphones" />
          Headphones (interrupt at any time)
        </label>
        <label>
          <input type="radio" name="speaker-mode" checked={voice.speaker_mode === "speakers"} onChange={() => set({ speaker_mode: "speakers" })} data-testid="mode-speakers" />
          Speakers (the microphone is muted while the interviewer speaks; speak up to interrupt)
        </label>
      </div>
      {problem && (
        <p class="muted small" data-testid="audio-devices-error">
          {problem.message}
        </p>
      )}
      <DeviceSelect label="Microphone" testid="input-device" value={voice.input_device} devices={devices?.inputs ?? []} onChange={(id) => set({ input_device: id })} />
      <DeviceSelect label="Output" testid="output-device" value={voice.output_device} devices={devices?.outputs ?? []} onChange={(id) => set({ output_device: id })} />
      <label>
        <input type="checkbox" checked={voice.push_to_talk} onChange={() => set({ push_to_talk: !voice.push_to_talk })} data-testid="voice-ptt" /> Push to talk (hold F8 or the Talk button)
      </label>
      <label class="field">
        Your level
        <select value={voice.level} data-testid="voice-level" onChange={(e) => set({ level: (e.target as HTMLSelectElement).value as Level })}>
          {LEVELS.map((l) => (
            <option value={l.id} key={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

function DeviceSelect(p: { label: string; testid: string; value: string | null; devices: DeviceInfo[]; onChange: (id: string | null) => void }) {
  return (
    <label class="field">
      {p.label}
      <select value={p.value ?? ""} data-testid={p.testid} onChange={(e) => p.onChange((e.target as HTMLSelectElement).value || null)}>
        <option value="">System default</option>
        {p.devices.map((d) => (
          <option value={d.id} key={d.id}>
            {d.name}
            {d.default ? " (default)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
