// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Evaluation } from "./Evaluation";
import type { Session } from "./Session";
import type { Snapshot } from "./Snapshot";
import type { TimelineEntry } from "./TimelineEntry";

/**
 * Everything the replay shows.
 */
export type Replay = { session: Session, timeline: Array<TimelineEntry>, snapshots: Array<Snapshot>, hints: Array<string>, evaluation: Evaluation | null, };
