// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Category } from "./Category";

export type CategoryProgress = { category: Category, label: string, sessions: number, average: number, solved: number, };
