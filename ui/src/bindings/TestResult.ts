// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Verdict } from "./Verdict";

/**
 * One test as run.
 */
export type TestResult = { index: number, example: boolean, 
/**
 * Input the candidate typed rather than one of the problem's tests.
 */
custom: boolean, verdict: Verdict, time_ms: number | null, memory_kb: number | null, stdout: string, stderr: string, 
/**
 * Hidden tests of a Submit carry their input only when they fail.
 */
input: Record<string, unknown> | null, expected: unknown, actual: unknown, 
/**
 * The exception, signal or limit behind a failure, for a person to read.
 */
message: string | null, };
