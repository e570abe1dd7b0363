// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { AiProvider } from "./AiProvider";

/**
 * One role's choice on the Settings page; what is left unset comes from config.toml's
 * `[ai.<role>]`, then the defaults (Anthropic, the role's default model, on when its key is
 * there).
 */
export type AiChoice = { provider: AiProvider | null, model: string | null, 
/**
 * Some(false) turns the role off.
 */
enabled: boolean | null, };
