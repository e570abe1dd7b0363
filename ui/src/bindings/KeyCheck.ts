// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { ErrorCode } from "./ErrorCode";
import type { Provider } from "./Provider";

/**
 * The result of trying a key against its provider.
 */
export type KeyCheck = { provider: Provider, ok: boolean, 
/**
 * A stable code when it failed: no_key, key_rejected, provider_unreachable, provider_error.
 */
code: ErrorCode | null, message: string, latency_ms: number, };
