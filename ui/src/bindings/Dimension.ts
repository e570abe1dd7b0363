// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { EvidenceItem } from "./EvidenceItem";

export type Dimension = { 
/**
 * 0–100, or None when not assessed.
 */
score: number | null, 
/**
 * The nominal weight (30, 25, 25, 20).
 */
weight: number, 
/**
 * The share of the overall score it actually carries, after redistributing the weight
 * of dimensions not assessed.
 */
effective_weight: number, assessed: boolean, evidence: Array<EvidenceItem>, 
/**
 * Why it was not assessed, or what the score does not cover.
 */
note: string | null, };
