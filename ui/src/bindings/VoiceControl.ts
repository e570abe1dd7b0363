// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * What the interview room's voice controls ask.
 */
export type VoiceControl = { "kind": "mute", on: boolean, } | { "kind": "push_to_talk", on: boolean, } | { "kind": "talk", on: boolean, } | { "kind": "say", text: string, };
