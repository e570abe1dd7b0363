// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Backend } from "./Backend";
import type { ErrorBody } from "./ErrorBody";
import type { KeyStatus } from "./KeyStatus";

/**
 * Every provider's key status, and which keychain holds them (or why none can).
 */
export type KeysView = { keychain: Backend | null, 
/**
 * Why no keychain is available; keys from the environment still show.
 */
keychain_error: ErrorBody | null, keys: Array<KeyStatus>, };
