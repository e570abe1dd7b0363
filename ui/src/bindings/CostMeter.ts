// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * The running cost of a session, in US dollars.
 */
export type CostMeter = { usd: number, voice_usd: number, agents_usd: number, 
/**
 * `[budget] session_usd`; None without a budget.
 */
budget_usd: number | null, };
