import { useEffect, useState } from "preact/hooks";
import { errorBody, onVoiceEvent, textSay, textStart } from "../api";
import type { ErrorBody, LiveEvent, TranscriptLine } from "../bindings/commands";
import { ErrorBanner } from "./ErrorBanner";
import { Transcript, useLiveLines } from "./Transcript";

/** Text mode in the interview room: a chat with the text interviewer. The reply streams in as it arrives; Enter sends, Shift+Enter breaks the line. */
export function TextPanel({ id, earlier }: { id: string; earlier: TranscriptLine[] }) {
  const [who, setWho] = useState("Connecting to the text interviewer…");
  const [error, setError] = useState<ErrorBody | null>(null);
  const { lines, partial, hear } = useLiveLines(earlier.map((l) => ({ speaker: l.speaker, text: l.text, truncated: false })));
  const [notice, setNotice] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    const events = onVoiceEvent((e: LiveEvent) => {
      if (hear(e)) {
        if (e.kind === "line" && e.speaker === "interviewer") setWaiting(false);
        return;
      }
      switch (e.kind) {
        case "connection":
          setWho(e.detail);
          break;
        case "notice":
          setNotice(e.message);
          setWaiting(false);
          break;
        case "hint":
          setNotice("The interviewer gave you a hint (counted in your report).");
          break;
        default:
          break;
      }
    });
    textStart(id).catch((e) => setError(errorBody(e)));
    return () => {
      events.then((f) => f());
    };
  }, [id]);

  const send = () => {
    const text = typed.trim();
    if (!text) return;
    setTyped("");
    setWaiting(true);
    textSay(id, text).catch((e) => {
      setError(errorBody(e));
      setWaiting(false);
    });
  };

  return (
    <div class="voice chat" data-testid="text-panel">
      <div class="voice-bar">
        <span class="muted small" data-testid="text-interviewer">
          {who}
        </span>
        {waiting && <span class="muted small">The interviewer is writing…</span>}
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notice && (
        <div class="banner notice" role="status" data-testid="text-notice">
          {notice}
          <button class="ghost" onClick={() => setNotice(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      <Transcript lines={lines} partial={partial} testid="chat-transcript" lineTestid="chat-line" />
      <form
        class="voice-type"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <textarea
          value={typed}
          rows={2}
          onInput={(e) => setTyped((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              send();
            }
          }}
          placeholder="Write to the interviewer (Enter sends, Shift+Enter for a new line)"
          aria-label="Message to the interviewer"
          data-testid="chat-input"
        />
        <button type="submit" data-testid="chat-send">
          Send
        </button>
      </form>
    </div>
  );
}
