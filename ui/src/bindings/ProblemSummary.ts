// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Category } from "./Category";
import type { Difficulty } from "./Difficulty";
import type { ProblemStatus } from "./ProblemStatus";

/**
 * One row of the library.
 */
export type ProblemSummary = { slug: string, title: string, difficulty: Difficulty, categories: Array<Category>, companies: Array<string>, status: ProblemStatus, };
