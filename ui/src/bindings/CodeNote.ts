// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { CodeReading } from "./CodeReading";
import type { Language } from "./Language";
import type { SyntaxIssue } from "./SyntaxIssue";

/**
 * One note on one snapshot of the code.
 */
export type CodeNote = { id: string, snapshot_id: string, at_ms: number, language: Language, syntax: Array<SyntaxIssue>, 
/**
 * None when no model read the code (the observer's model is off, failed or answered
 * off-schema); `unread` then says why.
 */
reading: CodeReading | null, model: string | null, unread: string | null, version: string, };
