// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
export type Verdict = "accepted" | "wrong_answer" | "time_limit_exceeded" | "memory_limit_exceeded" | "runtime_error" | "compile_error" | "output_limit_exceeded" | "internal_error" | "not_run";
