// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * Something the user should be told once, at start.
 */
export type Notice = { code: string, message: string, };
