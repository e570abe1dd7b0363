// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { AiChoice } from "./AiChoice";

/**
 * The agents' choices, per role.
 */
export type AiSettings = { interviewer: AiChoice, observer: AiChoice, evaluator: AiChoice, hints: AiChoice, };
