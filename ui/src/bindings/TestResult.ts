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
 * The app leaves out input, expected and actual answers of hidden tests that pass.
 */
input: Record<string, unknown> | null, expected: unknown, actual: unknown, 
/**
 * The exception, signal or limit behind a failure, for a person to read.
 */
message: string | null, };
