// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
export type HintReveal = { level: number, text: string, 
/**
 * Written by the hints role's model for the candidate's code (else the authored hint).
 */
from_model: boolean, 
/**
 * Why the authored hint was given although the hints role is on.
 */
note: string | null, };
