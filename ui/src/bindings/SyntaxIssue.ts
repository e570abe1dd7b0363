// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * A syntax error the parser found. Lines and columns count from 1.
 */
export type SyntaxIssue = { line: number, column: number, message: string, };
