// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Category } from "./Category";
import type { Difficulty } from "./Difficulty";
import type { InterviewerMode } from "./InterviewerMode";
import type { Language } from "./Language";

/**
 * What the Start button (and `rehearse session start`) asks for.
 */
export type StartSession = { 
/**
 * None: a random problem matching the filters, not solved recently.
 */
problem: string | null, difficulty: Difficulty | null, category: Category | null, language: Language, minutes: number, mode: InterviewerMode, };
