// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";

export type LanguageInfo = { id: Language, label: string, 
/**
 * The runner image used unless Settings, config.toml or the environment name another.
 */
default_image: string, };
