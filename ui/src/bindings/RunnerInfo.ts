// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";

/**
 * Whether a language's runner image is on this machine.
 */
export type RunnerInfo = { language: Language, image: string, present: boolean, };
