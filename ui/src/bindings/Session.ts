// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { InterviewerMode } from "./InterviewerMode";
import type { Language } from "./Language";
import type { SessionStatus } from "./SessionStatus";

/**
 * A session as stored. Times are Unix milliseconds; the clock excludes `paused_ms`, the
 * time no process ran the session (between a crash and its recovery).
 */
export type Session = { id: string, problem_slug: string, problem_title: string, language: Language, mode: InterviewerMode, status: SessionStatus, duration_ms: number, started_at: number | null, ended_at: number | null, paused_ms: number, 
/**
 * Overall score of the latest evaluation, once ended.
 */
score: number | null, };
