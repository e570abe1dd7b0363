// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { AiProvider } from "./AiProvider";
import type { AiRole } from "./AiRole";
import type { ErrorBody } from "./ErrorBody";

/**
 * A role as Settings → AI shows it.
 */
export type AiRoute = { role: AiRole, provider: AiProvider, model: string, 
/**
 * Chosen on (the default) and able to run.
 */
on: boolean, 
/**
 * Turned off on the Settings page or in config.toml.
 */
turned_off: boolean, 
/**
 * Why it cannot run, when it cannot: "add a key", the base URL, the model.
 */
problem: ErrorBody | null, };
