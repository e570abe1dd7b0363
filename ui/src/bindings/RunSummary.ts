// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";
import type { RunMode } from "./RunMode";
import type { Verdict } from "./Verdict";

/**
 * One stored run, as the problem view's history lists it.
 */
export type RunSummary = { id: string, language: Language, mode: RunMode, verdict: Verdict, passed: number, total: number, duration_ms: number, created_at: number, };
