// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * Which OS keychain holds the keys.
 */
export type Backend = "secret-service" | "kernel";
