// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * How far the candidate has got with a problem, from the runs stored for it.
 */
export type ProblemStatus = "new" | "attempted" | "solved";
