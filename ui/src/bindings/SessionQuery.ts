// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { SessionStatus } from "./SessionStatus";

/**
 * Filters for the history list.
 */
export type SessionQuery = { status: SessionStatus | null, problem: string | null, limit: number | null, };
