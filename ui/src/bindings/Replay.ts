// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { CodeNote } from "./CodeNote";
import type { Evaluation } from "./Evaluation";
import type { RoleCost } from "./RoleCost";
import type { Session } from "./Session";
import type { Snapshot } from "./Snapshot";
import type { TimelineEntry } from "./TimelineEntry";
import type { TranscriptLine } from "./TranscriptLine";

/**
 * Everything the replay shows.
 */
export type Replay = { session: Session, timeline: Array<TimelineEntry>, snapshots: Array<Snapshot>, 
/**
 * The code observer's notes, each on one of `snapshots`.
 */
notes: Array<CodeNote>, transcript: Array<TranscriptLine>, hints: Array<string>, 
/**
 * The report shown: the newest evaluation.
 */
evaluation: Evaluation | null, 
/**
 * Every evaluation of the session, newest first (offline, AI, re-gradings).
 */
evaluations: Array<Evaluation>, 
/**
 * What each agent role's calls cost (the voice provider's estimate is shown live only).
 */
costs: Array<RoleCost>, };
