// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
export type ApproachKind = "brute-force" | "optimized" | "unknown";
