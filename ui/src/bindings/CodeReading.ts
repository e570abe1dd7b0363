// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Approach } from "./Approach";

/**
 * What the observer's model read in the code (its answer, checked against [`reading_schema`]).
 */
export type CodeReading = { approach: Approach, time_complexity: string, space_complexity: string, 
/**
 * Likely bugs and missed edge cases.
 */
warnings: Array<string>, ready_to_run: boolean, summary: string, };
