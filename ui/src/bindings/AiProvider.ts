// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * A provider of chat models for the agents (the voice providers are apart).
 */
export type AiProvider = "anthropic" | "openai" | "compatible";
