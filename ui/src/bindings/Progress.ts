// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { CategoryProgress } from "./CategoryProgress";
import type { NextProblem } from "./NextProblem";
import type { ScorePoint } from "./ScorePoint";

export type Progress = { 
/**
 * Oldest first.
 */
points: Array<ScorePoint>, 
/**
 * Weakest first.
 */
categories: Array<CategoryProgress>, next: NextProblem | null, };
