// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { DeviceInfo } from "./DeviceInfo";
import type { ErrorBody } from "./ErrorBody";

/**
 * The machine's microphones and outputs, for the settings page.
 */
export type AudioDevices = { inputs: Array<DeviceInfo>, outputs: Array<DeviceInfo>, 
/**
 * Why devices could not be listed (no sound server).
 */
error: ErrorBody | null, };
