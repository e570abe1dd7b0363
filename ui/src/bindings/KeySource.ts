// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * Where the key in use comes from.
 */
export type KeySource = "env" | "keychain";
