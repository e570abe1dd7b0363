// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { ApproachKind } from "./ApproachKind";

export type Approach = { kind: ApproachKind, 
/**
 * "hash map of complements", "two nested loops".
 */
name: string, };
