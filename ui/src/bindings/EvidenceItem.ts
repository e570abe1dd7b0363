// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * A fact behind a score, and when in the session it happened (for the replay link).
 */
export type EvidenceItem = { at_ms: number | null, text: string, 
/**
 * What the AI evaluator's claim cites (`transcript:<id>` …), checked by the host; None
 * for the host's own measured facts.
 */
cite: string | null, 
/**
 * The verbatim quote from the cited item.
 */
quote: string | null, };
