// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * A language the candidate can write in.
 */
export type Language = "python" | "javascript" | "typescript" | "java" | "cpp" | "go" | "rust";
