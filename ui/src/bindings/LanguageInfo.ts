// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Language } from "./Language";

export type LanguageInfo = { id: Language, label: string, };
