// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import type { ErrorBody } from "./ErrorBody";
import type { RunnerInfo } from "./RunnerInfo";

/**
 * What the problem view shows next to Run.
 */
export type SandboxStatus = { ready: boolean, 
/**
 * Why code cannot run, with what to do (Docker not installed, not running, …).
 */
error: ErrorBody | null, 
/**
 * e.g. "Docker 27.3.1"
 */
engine: string | null, runners: Array<RunnerInfo>, };
