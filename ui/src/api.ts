// The one door to Rust: every command is a typed function generated from the Rust command list.
export * from "./bindings/commands";
import type { ErrorBody, ErrorCode } from "./bindings/commands";

/** Anything a command rejected with, as `{code, message}`. */
export function errorBody(e: unknown): ErrorBody {
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    // The Rust side sends only `ErrorCode`s; the generated type is the contract.
    return { code: String(code) as ErrorCode, message: String(message) };
  }
  return { code: "internal", message: e instanceof Error ? e.message : String(e) };
}
