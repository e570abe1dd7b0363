// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { Level } from "./Level";
import type { SpeakerMode } from "./SpeakerMode";
import type { VoiceProvider } from "./VoiceProvider";

/**
 * The voice interview's preferences.
 */
export type VoiceSettings = { provider: VoiceProvider, 
/**
 * None until the candidate has answered the first-run question.
 */
speaker_mode: SpeakerMode | null, 
/**
 * Device ids; None for the system default.
 */
input_device: string | null, output_device: string | null, push_to_talk: boolean, level: Level, };
