// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";
import type { RunMode } from "./RunMode";

/**
 * What the Run and Submit buttons (and `rehearse run`) ask for.
 */
export type RunRequest = { slug: string, language: Language, code: string, mode: RunMode, 
/**
 * Extra inputs for a Run, each checked against the signature.
 */
custom: Array<Record<string, unknown>>, };
