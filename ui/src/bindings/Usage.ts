// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
export type Usage = { input_tokens: number, output_tokens: number, input_audio_tokens: number, output_audio_tokens: number, };
