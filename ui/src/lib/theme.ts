import type { Theme } from "../bindings/commands";

/** The theme to paint: the user's choice, or the OS preference when they chose "system". */
export function resolveTheme(choice: Theme, prefersDark: boolean): "light" | "dark" {
  if (choice === "system") return prefersDark ? "dark" : "light";
  return choice;
}

export function applyTheme(choice: Theme) {
  const query = window.matchMedia?.("(prefers-color-scheme: dark)");
  const paint = () => {
    document.documentElement.dataset.theme = resolveTheme(choice, query?.matches ?? false);
  };
  paint();
  query?.addEventListener?.("change", paint);
  return () => query?.removeEventListener?.("change", paint);
}
