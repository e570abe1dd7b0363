// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";
import type { RunMode } from "./RunMode";
import type { TestResult } from "./TestResult";
import type { Verdict } from "./Verdict";

export type RunReport = { verdict: Verdict, passed: number, total: number, wall_ms: number, compile_output: string | null, compile_ms: number | null, 
/**
 * The compiled program came from the cache (source unchanged since an earlier run).
 */
compile_cached: boolean, language: Language, mode: RunMode, tests: Array<TestResult>, };
