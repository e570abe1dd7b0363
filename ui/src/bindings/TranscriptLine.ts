// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Speaker } from "./Speaker";

/**
 * One line of the transcript, at its offset in the session.
 */
export type TranscriptLine = { 
/**
 * Cited by the evaluator as `transcript:<id>`.
 */
id: string, at_ms: number, speaker: Speaker, text: string, };
