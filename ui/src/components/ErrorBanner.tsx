import type { ErrorBody } from "../bindings/commands";

export function ErrorBanner({ error, onDismiss }: { error: ErrorBody | null; onDismiss?: () => void }) {
  if (!error) return null;
  return (
    <div class="banner error" role="alert" data-testid="error">
      <code>{error.code}</code>
      <span>{error.message}</span>
      {onDismiss && (
        <button class="ghost" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}
