// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
export type LibraryCounts = { total: number, easy: number, medium: number, hard: number, solved: number, };
