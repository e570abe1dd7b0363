// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * An example test as shown to the candidate.
 */
export type Example = { input: Record<string, unknown>, expected: unknown, explanation: string | null, };
