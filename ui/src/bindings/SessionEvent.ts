// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { EndReason } from "./EndReason";
import type { SnapshotKind } from "./SnapshotKind";

/**
 * What happens in a session, in the order it happened (the replay's timeline).
 */
export type SessionEvent = { "kind": "started" } | { "kind": "snapshot", snapshot_id: string, snapshot: SnapshotKind, } | { "kind": "run", run_id: string, mode: string, verdict: string, passed: number, total: number, } | { "kind": "hint", level: number, } | { "kind": "warning", minutes_left: number, } | { "kind": "transcript", line_id: string, } | { "kind": "code_note", note_id: string, snapshot_id: string, } | { "kind": "resumed", paused_ms: number, } | { "kind": "ended", reason: EndReason, } | { "kind": "storage_trouble", message: string, };
