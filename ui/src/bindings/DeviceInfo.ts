// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
/**
 * A device as the settings page lists it.
 */
export type DeviceInfo = { id: string, name: string, default: boolean, };
