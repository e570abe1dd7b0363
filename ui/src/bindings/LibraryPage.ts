// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { LibraryCounts } from "./LibraryCounts";
import type { ProblemSummary } from "./ProblemSummary";

export type LibraryPage = { problems: Array<ProblemSummary>, 
/**
 * Counts over every match, even when `problems` was cut at the query's limit.
 */
counts: LibraryCounts, };
