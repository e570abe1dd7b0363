// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * One finished session's scores (None: not assessed).
 */
export type ScorePoint = { session_id: string, at: number, overall: number, problem_solving: number | null, code_quality: number | null, communication: number | null, efficiency: number | null, };
