// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * The topic a problem practises.
 */
export type Category = "arrays-hashing" | "two-pointers" | "sliding-window" | "stack" | "binary-search" | "linked-list" | "trees" | "graphs" | "heaps" | "backtracking" | "dynamic-programming" | "intervals" | "greedy" | "bits" | "strings" | "matrices" | "math";
