// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Category } from "./Category";
import type { Difficulty } from "./Difficulty";

/**
 * Filters for the library list. Empty fields do not filter.
 */
export type ProblemQuery = { search: string | null, difficulty: Difficulty | null, category: Category | null, company: string | null, 
/**
 * Return at most this many rows (the counts still cover every match).
 */
limit: number | null, };
