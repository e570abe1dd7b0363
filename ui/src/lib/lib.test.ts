import type { Session } from "../bindings/commands";
import { describe, expect, it, vi } from "vitest";
import { errorBody } from "../api";
import { debounce } from "./debounce";
import { formatValue } from "./format";
import { renderMarkdown } from "./markdown";
import { parseCustomInputs, progressText, verdictLabel } from "./run";
import { clockOf, countdown, lineDiff, timeTaken } from "./session";
import { resolveTheme } from "./theme";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    const html = renderMarkdown("Return **true** when `s` is balanced.\n\n- one\n- two");
    expect(html).toContain("<strong>true</strong>");
    expect(html).toContain("<code>s</code>");
    expect(html).toContain("<li>one</li>");
  });

  it("strips scripts, event handlers and outside links", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src="x" onerror="alert(2)"><iframe src="https://x"></iframe>\n\nSee [site](https://evil.example).');
    expect(html).toContain("site</a>");
    expect(html).not.toMatch(/script|onerror|iframe|https:\/\/evil/);
  });
});

describe("debounce", () => {
  it("runs once with the last arguments, and flush runs a pending call now", () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const d = debounce((s: string) => seen.push(s), 100);
    d.call("a");
    d.call("b");
    vi.advanceTimersByTime(99);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(["b"]);
    d.call("c");
    d.flush();
    expect(seen).toEqual(["b", "c"]);
    d.call("d");
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(seen).toEqual(["b", "c"]);
    vi.useRealTimers();
  });
});

describe("formatValue", () => {
  it("shows JSON and shortens long values", () => {
    expect(formatValue([1, 2, 3])).toBe("[1,2,3]");
    expect(formatValue("a")).toBe('"a"');
    const long = formatValue(Array.from({ length: 1000 }, (_, i) => i), 20);
    expect(long.startsWith("[0,1,2,3,4,5,6,7,8,9")).toBe(true);
    expect(long).toContain("characters");
  });
});

describe("resolveTheme", () => {
  it("follows the OS only when the user chose system", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });
});

describe("errorBody", () => {
  it("keeps {code, message} from Rust and wraps anything else", () => {
    expect(errorBody({ code: "not_found", message: "No problem." })).toEqual({ code: "not_found", message: "No problem." });
    expect(errorBody(new Error("boom"))).toEqual({ code: "internal", message: "boom" });
    expect(errorBody("text")).toEqual({ code: "internal", message: "text" });
  });
});

describe("run helpers", () => {
  it("reads custom input as one JSON object per line", () => {
    expect(parseCustomInputs('{"n": 3}\n\n  {"n": 5}  ')).toEqual({ inputs: [{ n: 3 }, { n: 5 }], error: null });
    expect(parseCustomInputs('{"n": 3}\n[1, 2]').error).toMatch(/Line 2 should be an object/);
    expect(parseCustomInputs("{nope").error).toMatch(/Line 1 is not valid JSON/);
    expect(parseCustomInputs("").inputs).toEqual([]);
  });

  it("says what the sandbox is doing", () => {
    expect(progressText(null, "submit")).toBe("Submitting…");
    expect(progressText({ kind: "compiling", language: "java" }, "run")).toBe("Compiling…");
    expect(progressText({ kind: "running", started: 2, total: 9 }, "submit")).toBe("Submitting: test 2 of 9");
    const pulling = progressText({ kind: "pulling", image: "python:3.12-slim", layers: [{ id: "a", status: "Downloading", current: 5e6, total: 2e7 }] }, "run");
    expect(pulling).toBe("Downloading python:3.12-slim: 5.0 of 20.0 MB");
    expect(verdictLabel("time_limit_exceeded")).toBe("Time Limit Exceeded");
  });
});

describe("session helpers", () => {
  it("counts down in minutes and seconds, rounding up", () => {
    expect(countdown(45 * 60_000)).toBe("45:00");
    expect(countdown(61_001)).toBe("01:02");
    expect(countdown(-5)).toBe("00:00");
    expect(countdown(2 * 3600_000 + 5_000)).toBe("2:00:05");
    expect(clockOf(754_000)).toBe("12:34");
  });

  it("says how long a session took, not how long it was planned", () => {
    const s = { started_at: 1_000_000, ended_at: 1_003_000, paused_ms: 0, duration_ms: 30 * 60_000 } as Session;
    expect(timeTaken(s)).toBe(3_000);
    expect(timeTaken({ ...s, ended_at: null }, 1_010_000)).toBe(10_000);
    expect(timeTaken({ ...s, ended_at: 1_020_000, paused_ms: 5_000 })).toBe(15_000);
    expect(timeTaken({ ...s, started_at: null })).toBe(0);
  });

  it("diffs code by lines", () => {
    const d = lineDiff("a\nb\nc", "a\nc\nd");
    expect(d).toEqual([
      { kind: "same", text: "a" },
      { kind: "del", text: "b" },
      { kind: "same", text: "c" },
      { kind: "add", text: "d" },
    ]);
    expect(lineDiff("x", "x").every((l) => l.kind === "same")).toBe(true);
  });
});
