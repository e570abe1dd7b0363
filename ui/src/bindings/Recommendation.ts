// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
export type Recommendation = "strong-yes" | "yes" | "maybe" | "no" | "insufficient-evidence";
