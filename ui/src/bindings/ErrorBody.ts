// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { ErrorCode } from "./ErrorCode";

/**
 * What every error looks like when it crosses IPC, HTTP or the CLI's `--json` output:
 * a stable machine code and a sentence a person can act on.
 */
export type ErrorBody = { code: ErrorCode, message: string, };
