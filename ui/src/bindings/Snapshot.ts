// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";
import type { SnapshotKind } from "./SnapshotKind";

/**
 * A code snapshot as the replay shows it.
 */
export type Snapshot = { id: string, at_ms: number, kind: SnapshotKind, language: Language, code: string, };
