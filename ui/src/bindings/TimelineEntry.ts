// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { SessionEvent } from "./SessionEvent";

/**
 * One moment of the replay: an event with what it refers to.
 */
export type TimelineEntry = { at_ms: number, event: SessionEvent, };
