// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { CategoryInfo } from "./CategoryInfo";

/**
 * What the filters can offer: every category and company present in the library.
 */
export type Facets = { categories: Array<CategoryInfo>, companies: Array<string>, };
