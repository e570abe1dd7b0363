// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
export type LinkState = "connecting" | "live" | "reconnecting" | "lost";
