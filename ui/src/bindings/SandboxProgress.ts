// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";
import type { LayerProgress } from "./LayerProgress";

/**
 * What the sandbox is doing while a person waits for a result.
 */
export type SandboxProgress = { "kind": "pulling", image: string, layers: Array<LayerProgress>, } | { "kind": "starting", language: Language, } | { "kind": "compiling", language: Language, } | { "kind": "running", started: number, total: number, };
