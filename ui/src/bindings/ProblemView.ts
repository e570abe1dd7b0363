// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";
import type { ProblemDetail } from "./ProblemDetail";

/**
 * The problem view: the problem, the code to open in the editor for a language (the saved
 * draft, or generated starter code), and the hints revealed so far.
 */
export type ProblemView = { problem: ProblemDetail, language: Language, starter_code: string, draft: string | null, revealed_hints: Array<string>, };
