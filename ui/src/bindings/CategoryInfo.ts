// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Category } from "./Category";

export type CategoryInfo = { id: Category, label: string, 
/**
 * How many problems of the library practise it.
 */
count: number, };
