// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { ErrorBody } from "./ErrorBody";
import type { SessionStatus } from "./SessionStatus";

/**
 * Sent every second while a session runs (`session-tick`), and at once when the clock warns
 * or the session ends.
 */
export type SessionTick = { id: string, elapsed_ms: number, remaining_ms: number, status: SessionStatus, 
/**
 * Warnings given at this tick, in minutes left.
 */
warnings: Array<number>, 
/**
 * Set when saving failed; the session goes on in memory meanwhile.
 */
storage_error: ErrorBody | null, };
