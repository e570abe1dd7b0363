// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Dimensions } from "./Dimensions";
import type { EvidenceItem } from "./EvidenceItem";
import type { Recommendation } from "./Recommendation";

export type Evaluation = { evaluator: string, evaluator_version: string, overall: number, recommendation: Recommendation, 
/**
 * The rule that produced the recommendation, in words.
 */
recommendation_rule: string, dimensions: Dimensions, 
/**
 * What went well, each with its moment and, from the AI evaluator, its citation.
 */
strengths: Array<EvidenceItem>, improvements: Array<EvidenceItem>, markdown: string, 
/**
 * The model that evaluated (None offline).
 */
model: string | null, rubric_version: string | null, prompt_version: string | null, 
/**
 * The evaluator's claims dropped because their evidence did not check out.
 */
removed_claims: number, 
/**
 * The AI evaluator's detailed report (Markdown).
 */
detail: string | null, };
