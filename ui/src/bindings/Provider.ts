// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * A service Rehearse can hold a key for.
 */
export type Provider = "openai" | "gemini" | "anthropic" | "compatible";
