// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * How experienced the candidate says they are; the interviewer pitches its questions to it.
 */
export type Level = "junior" | "mid" | "senior";
