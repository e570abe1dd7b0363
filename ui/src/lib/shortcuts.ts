import { useEffect } from "preact/hooks";
import type { RunMode } from "../bindings/commands";

/** What the editor views' keys do: Ctrl+Enter runs (with Shift, submits), Ctrl+S saves, Alt+H reveals a hint, Esc goes back. */
export type EditorKeys = {
  run: (mode: RunMode) => void;
  save: () => void;
  hint: () => void;
  back?: () => void;
};

/** The keys of the problem page and the interview room, bound to the window while the view is shown. */
export function useEditorShortcuts(keys: EditorKeys) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key === "Enter") {
        e.preventDefault();
        keys.run(e.shiftKey ? "submit" : "run");
      } else if (mod && e.key === "s") {
        e.preventDefault();
        keys.save();
      } else if (e.altKey && e.key.toLowerCase() === "h") {
        e.preventDefault();
        keys.hint();
      } else if (e.key === "Escape" && keys.back) {
        keys.back();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
}
