import { useEffect, useState } from "preact/hooks";
import { errorBody, onVoiceEvent, voiceControl, voiceStart, voiceStop } from "../api";
import type { ErrorBody, LinkState, LiveEvent, Settings, SpeakerMode, VoiceControl } from "../bindings/commands";
import { ErrorBanner } from "./ErrorBanner";
import { Transcript, useLiveLines } from "./Transcript";

const STATE_LABEL: Record<LinkState, string> = {
  connecting: "Connecting…",
  live: "Connected",
  reconnecting: "Reconnecting…",
  lost: "Disconnected",
};

/** Voice mode in the interview room: asks once whether you use headphones or speakers, connects the interviewer, and shows the mic level, who is speaking, the live transcript, the connection, the latency and the running cost; mute, push-to-talk and typing. */
export function VoicePanel({
  id,
  settings,
  onSettings,
  onText,
}: {
  id: string;
  settings: Settings;
  onSettings: (s: Settings) => Promise<void>;
  /** Goes on with the text interviewer (offered when voice cannot connect or stays slow). */
  onText: () => Promise<void>;
}) {
  const [link, setLink] = useState<{ state: LinkState; detail: string }>({ state: "connecting", detail: "" });
  const [error, setError] = useState<ErrorBody | null>(null);
  const [level, setLevel] = useState(0);
  const [speaking, setSpeaking] = useState(false);
  const { lines, partial, hear } = useLiveLines();
  const [latency, setLatency] = useState<number | null>(null);
  const [usd, setUsd] = useState(0);
  const [muted, setMuted] = useState(false);
  const [ptt, setPtt] = useState(settings.voice.push_to_talk);
  const [talking, setTalking] = useState(false);
  const [offer, setOffer] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const events = onVoiceEvent((e: LiveEvent) => {
      if (hear(e)) return;
      switch (e.kind) {
        case "connection":
          setLink({ state: e.state, detail: e.detail });
          break;
        case "level":
          setLevel(e.rms);
          break;
        case "speaking":
          setSpeaking(e.on);
          break;
        case "latency":
          setLatency(e.p50_ms);
          break;
        case "cost":
          setUsd(e.usd);
          break;
        case "offer_typing":
          setOffer(e.reason);
          break;
        case "notice":
          setNotice(e.message);
          break;
        case "hint":
          setNotice("The interviewer gave you a hint (counted in your report).");
          break;
        default:
          break;
      }
    });
    return () => {
      events.then((f) => f());
    };
  }, [id]);

  const ready = settings.voice.speaker_mode !== null;
  useEffect(() => {
    if (!ready) return;
    setError(null);
    setLink({ state: "connecting", detail: "" });
    voiceStart(id, null).catch((e) => {
      setError(errorBody(e));
      setLink({ state: "lost", detail: "" });
      setOffer("The voice interviewer could not be reached. You can go on in text instead.");
    });
    return () => {
      voiceStop(id).catch(() => undefined);
    };
  }, [id, ready, attempt]);

  const send = (control: VoiceControl) => voiceControl(id, control).catch((e) => setError(errorBody(e)));

  useEffect(() => {
    if (!ptt) return;
    const down = (e: KeyboardEvent) => {
      if (e.key === "F8" && !e.repeat) {
        setTalking(true);
        send({ kind: "talk", on: true });
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === "F8") {
        setTalking(false);
        send({ kind: "talk", on: false });
      }
    };
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
    };
  }, [ptt, id]);

  const choose = (mode: SpeakerMode) => onSettings({ ...settings, voice: { ...settings.voice, speaker_mode: mode } }).catch((e) => setError(errorBody(e)));

  if (!ready) {
    return (
      <div class="voice" data-testid="voice-first-run">
        <h2>Headphones or speakers?</h2>
        <p class="muted small">
          With speakers, the interviewer's voice reaches your microphone, so it is muted while the interviewer speaks — speak up to interrupt. With headphones, you can interrupt at any time. You can change this in Settings.
        </p>
        <button class="primary" onClick={() => choose("headphones")} data-testid="choose-headphones">
          Headphones
        </button>{" "}
        <button onClick={() => choose("speakers")} data-testid="choose-speakers">
          Speakers
        </button>
      </div>
    );
  }

  const say = (e: Event) => {
    e.preventDefault();
    const text = typed.trim();
    if (!text) return;
    setTyped("");
    send({ kind: "say", text });
  };

  return (
    <div class="voice" data-testid="voice-panel">
      <div class="voice-bar">
        <span class={`link ${link.state}`} data-testid="voice-connection" title={link.detail}>
          {STATE_LABEL[link.state]}
        </span>
        <span class={`speaking ${speaking ? "on" : ""}`} data-testid="interviewer-speaking" aria-live="polite">
          {speaking ? "Interviewer speaking" : "Listening"}
        </span>
        <span class="meter" aria-label="Microphone level" data-testid="mic-level">
          <span style={{ width: `${muted ? 0 : Math.min(100, Math.round(level * 400))}%` }} />
        </span>
        <button class={muted ? "danger" : "ghost"} onClick={() => { setMuted(!muted); send({ kind: "mute", on: !muted }); }} data-testid="mute">
          {muted ? "Unmute" : "Mute"}
        </button>
        <label class="small">
          <input
            type="checkbox"
            checked={ptt}
            onChange={() => {
              setPtt(!ptt);
              send({ kind: "push_to_talk", on: !ptt });
            }}
            data-testid="push-to-talk"
          />{" "}
          Push to talk
        </label>
        {ptt && (
          <button
            class={talking ? "primary" : ""}
            onPointerDown={() => { setTalking(true); send({ kind: "talk", on: true }); }}
            onPointerUp={() => { setTalking(false); send({ kind: "talk", on: false }); }}
            data-testid="talk"
          >
            Hold to talk <kbd>F8</kbd>
          </button>
        )}
        <span class="muted small" data-testid="voice-latency">
          Latency {latency === null ? "—" : `${latency} ms`}
        </span>
        <span class="muted small" data-testid="voice-cost" title="Estimated from the usage the provider reports and the prices in config.toml">
          ≈ ${usd.toFixed(3)}
        </span>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {error && link.state === "lost" && (
        <button onClick={() => setAttempt((n) => n + 1)} data-testid="voice-retry">
          Try again
        </button>
      )}
      {link.state !== "live" && link.detail && <p class="muted small">{link.detail}</p>}
      {notice && (
        <div class="banner notice" role="status" data-testid="voice-notice">
          {notice}
          <button class="ghost" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {offer && (
        <div class="banner notice" role="status" data-testid="voice-offer-typing">
          {offer}
          <button
            onClick={() => onText().catch((e) => setError(errorBody(e)))}
            data-testid="voice-continue-in-text"
            title="The text interviewer takes over, with the transcript so far"
          >
            Continue in text
          </button>
        </div>
      )}
      <Transcript lines={lines} partial={partial} testid="voice-transcript" lineTestid="voice-line" />
      <form onSubmit={say} class="voice-type">
        <input
          value={typed}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          placeholder="Type to the interviewer"
          aria-label="Message to the interviewer"
          data-testid="voice-type"
        />
        <button type="submit">Send</button>
      </form>
    </div>
  );
}
