// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { KeySource } from "./KeySource";
import type { Provider } from "./Provider";

/**
 * What the UI and IPC may know of a key: whether it is set, and its last four characters.
 */
export type KeyStatus = { provider: Provider, label: string, set: boolean, source: KeySource | null, last4: string | null, 
/**
 * The environment variable that overrides the keychain, if the provider has one.
 */
env_var: string | null, };
