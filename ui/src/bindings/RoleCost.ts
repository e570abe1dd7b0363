// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { AiRole } from "./AiRole";

/**
 * What one role's calls in a session cost, for the report.
 */
export type RoleCost = { role: AiRole, calls: number, failed: number, input_tokens: number, output_tokens: number, 
/**
 * The priced calls' cost in US dollars.
 */
usd: number, 
/**
 * Calls of a model with no price (`[prices."<model>"]` in config.toml gives one).
 */
unpriced: number, };
