// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * A fact behind a score, and when in the session it happened (for the replay link).
 */
export type EvidenceItem = { at_ms: number | null, text: string, };
