// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
export type NextProblem = { slug: string, title: string, reason: string, };
