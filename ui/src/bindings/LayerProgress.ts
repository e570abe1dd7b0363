// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * One layer of an image being downloaded.
 */
export type LayerProgress = { id: string, 
/**
 * Docker's word for the step: "Downloading", "Extracting", "Pull complete", …
 */
status: string, current: number, total: number, };
