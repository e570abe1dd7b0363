// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Dimension } from "./Dimension";

export type Dimensions = { problem_solving: Dimension, code_quality: Dimension, communication: Dimension, efficiency: Dimension, };
