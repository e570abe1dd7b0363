// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * Every stable code an error (or a notice) carries, in the app, the CLI and over IPC.
 * `docs/cli.md` lists them all; a test checks that list against this one.
 */
export type ErrorCode = "database_error" | "disk_full" | "data_dir_read_only" | "data_dir_unusable" | "database_corrupt" | "schema_too_new" | "database_recovered" | "not_found" | "invalid_pack" | "invalid_library" | "hint_locked" | "invalid_input" | "unknown_language" | "session_over" | "docker_not_installed" | "docker_not_running" | "docker_permission_denied" | "docker_error" | "image_unavailable" | "sandbox_cache_unusable" | "sandbox_internal" | "keychain_unavailable" | "keychain_locked" | "keychain_error" | "invalid_key" | "no_key" | "invalid_config" | "key_rejected" | "provider_unreachable" | "provider_error" | "rate_limited" | "overloaded" | "bad_output" | "context_too_long" | "timeout" | "cancelled" | "budget_reached" | "voice_closed" | "no_microphone" | "no_speaker" | "microphone_switched" | "audio_error" | "internal";
