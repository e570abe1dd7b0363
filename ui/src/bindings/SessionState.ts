// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Session } from "./Session";
import type { TranscriptLine } from "./TranscriptLine";

/**
 * A session with its clock read now.
 */
export type SessionState = { session: Session, elapsed_ms: number, remaining_ms: number, 
/**
 * The code to show: the latest snapshot.
 */
code: string, hints: Array<string>, 
/**
 * The interview so far (a window that reopens the room, or text taking over from voice).
 */
transcript: Array<TranscriptLine>, };
