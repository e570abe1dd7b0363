// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * How the candidate listens: with headphones the microphone stays open while the
 * interviewer speaks; with speakers it is gated so the interviewer's voice is not taken for
 * the candidate's.
 */
export type SpeakerMode = "headphones" | "speakers";
