// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Category } from "./Category";
import type { Difficulty } from "./Difficulty";
import type { Example } from "./Example";
import type { ProblemStatus } from "./ProblemStatus";

/**
 * Everything the problem view shows. Never carries hidden tests or solutions.
 */
export type ProblemDetail = { slug: string, title: string, difficulty: Difficulty, categories: Array<Category>, companies: Array<string>, statement: string, signature: string, examples: Array<Example>, hint_count: number, time_complexity: string, space_complexity: string, status: ProblemStatus, };
