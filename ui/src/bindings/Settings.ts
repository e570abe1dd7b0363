// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { AiSettings } from "./AiSettings";
import type { Language } from "./Language";
import type { Theme } from "./Theme";
import type { VoiceSettings } from "./VoiceSettings";

/**
 * The user's preferences, stored in the database.
 */
export type Settings = { theme: Theme, default_language: Language, 
/**
 * Runner image per language id, chosen on the settings page; empty means the default.
 */
images: { [key in string]: string }, 
/**
 * Transcript lines older than this many days are deleted at start.
 */
transcript_retention_days: number, 
/**
 * The base URL of an OpenAI-compatible endpoint (a proxy, Azure, a local server); empty
 * when none. Its key is in the OS keychain, never here.
 */
compatible_base_url: string, voice: VoiceSettings, ai: AiSettings, };
