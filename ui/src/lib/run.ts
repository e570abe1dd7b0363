import type { ErrorCode, RunMode, SandboxProgress, Verdict } from "../bindings/commands";

const LABELS: Record<Verdict, string> = {
  accepted: "Accepted",
  wrong_answer: "Wrong Answer",
  time_limit_exceeded: "Time Limit Exceeded",
  memory_limit_exceeded: "Memory Limit Exceeded",
  runtime_error: "Runtime Error",
  compile_error: "Compile Error",
  output_limit_exceeded: "Output Limit Exceeded",
  internal_error: "Internal Error",
  not_run: "Not run",
};

export function verdictLabel(v: Verdict): string {
  return LABELS[v] ?? v;
}

/** Custom input: one JSON object per non-empty line, parameter name to value. */
export function parseCustomInputs(text: string): { inputs: Record<string, unknown>[]; error: string | null } {
  const inputs: Record<string, unknown>[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { inputs, error: `Line ${i + 1} is not valid JSON.` };
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      return { inputs, error: `Line ${i + 1} should be an object such as {"nums": [1, 2]}.` };
    }
    inputs.push(value as Record<string, unknown>);
  }
  return { inputs, error: null };
}

export function progressText(p: SandboxProgress | null, busy: RunMode): string {
  const what = busy === "submit" ? "Submitting" : "Running";
  if (!p) return `${what}…`;
  switch (p.kind) {
    case "pulling": {
      const total = p.layers.reduce((n, l) => n + l.total, 0);
      const done = p.layers.reduce((n, l) => n + l.current, 0);
      const mb = (n: number) => (n / 1e6).toFixed(1);
      return `Downloading ${p.image}: ${mb(done)} of ${mb(total)} MB`;
    }
    case "starting":
      return `${what}…`;
    case "compiling":
      return "Compiling…";
    case "running":
      return p.started > 0 ? `${what}: test ${p.started} of ${p.total}` : `${what}…`;
  }
}

/** Sandbox errors that Retry can mend once Docker is installed, started or opened to the user. */
const DOCKER_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "docker_not_installed",
  "docker_not_running",
  "docker_permission_denied",
  "docker_error",
]);

export function isDockerError(code: ErrorCode): boolean {
  return DOCKER_ERRORS.has(code);
}
