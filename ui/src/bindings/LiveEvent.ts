// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { ErrorCode } from "./ErrorCode";
import type { LinkState } from "./LinkState";
import type { Speaker } from "./Speaker";
import type { Usage } from "./Usage";

/**
 * What the host shows, stores and prints.
 */
export type LiveEvent = { "kind": "connection", state: LinkState, detail: string, } | { "kind": "level", rms: number, } | { "kind": "speaking", on: boolean, } | { "kind": "partial", speaker: Speaker, text: string, } | { "kind": "line", speaker: Speaker, text: string, truncated: boolean, } | { "kind": "interrupted", played_ms: number, } | { "kind": "latency", last_ms: number, p50_ms: number, } | { "kind": "cost", usage: Usage, usd: number, } | { "kind": "hint", text: string, } | { "kind": "offer_typing", reason: string, } | { "kind": "notice", code: ErrorCode, message: string, };
