// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { LanguageInfo } from "./LanguageInfo";
import type { Notice } from "./Notice";

export type AppInfo = { version: string, data_dir: string, database: string, logs_dir: string, notices: Array<Notice>, languages: Array<LanguageInfo>, };
