// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * What each agent does, each with its own provider and model.
 */
export type AiRole = "interviewer" | "observer" | "evaluator" | "hints";
