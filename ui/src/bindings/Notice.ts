// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { ErrorCode } from "./ErrorCode";

/**
 * Something the user should be told once, at start.
 */
export type Notice = { code: ErrorCode, message: string, };
