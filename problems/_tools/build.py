#!/usr/bin/env python3
"""Builds problems/<slug>/tests.json from the problem's generator and its Python reference
solution, and cross-checks the JavaScript and Java solutions against it.

    python3 problems/_tools/build.py [slug ...]        # rebuild tests.json
    python3 problems/_tools/build.py --check [slug ...] # also run solution.js (node) and
                                                        # Solution.java (javac + java) on every test

A problem's `gen.py` defines:
    examples() -> [(input_dict, explanation_or_None), ...]   shown to the candidate
    hidden()   -> [input_dict, ...]                           edge cases
    large()    -> [input_dict, ...]                           big inputs (deterministic)
Expected outputs are computed by solutions/solution.py and committed in tests.json.

Every solution runs inside the sandbox's own judge harness (crates/sandbox/harness), here on
this machine without a container: the same argument reading, ListNode/TreeNode building and
answer writing as a judged run, from the one copy of each harness.
"""
import importlib.util, json, os, subprocess, sys, tempfile, tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("PROBLEMS_DIR") or os.path.dirname(HERE)
HARNESS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "crates", "sandbox", "harness")
# What the sandbox puts on a Java solution's first line (crates/sandbox/src/harness/mod.rs).
JAVA_IMPORTS = "import java.util.*; import java.util.function.*; import java.util.stream.*; "


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def harness_file(name):
    with open(os.path.join(HARNESS, name), encoding="utf-8") as f:
        return f.read()


def judge(lang, solution, sig, inputs):
    """Runs `solution` on every input through the sandbox's harness for `lang`; returns the
    answers in order, or raises with what the harness reported."""
    with tempfile.TemporaryDirectory() as work:
        def put(name, text):
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write(text)

        put("signature.json", json.dumps(sig))
        code = open(solution, encoding="utf-8").read()
        if lang == "python":
            put("harness.py", harness_file("harness.py"))
            put("solution.py", code)
            command = ["python3", "-S", "harness.py"]
        elif lang == "javascript":
            put("harness.js", harness_file("harness.js"))
            put("solution.js", code)
            command = ["node", "--stack-size=4000", "harness.js", "solution.js"]
        else:
            put("Harness.java", harness_file("Harness.java"))
            put("Solution.java", JAVA_IMPORTS + code)
            javac = ["javac", "-encoding", "UTF-8", "-nowarn", "-d", "build", "Harness.java", "Solution.java"]
            built = subprocess.run(javac, cwd=work, capture_output=True, text=True)
            if built.returncode != 0:
                raise RuntimeError("does not compile: " + built.stderr.strip()[:600])
            command = ["java", "-cp", "build", "Harness"]
        params = [p["name"] for p in sig["params"]]
        stdin = "".join(json.dumps([inp[p] for p in params]) + "\n" for inp in inputs)
        run = subprocess.run(command, cwd=work, input=stdin, capture_output=True, text=True)
    frames = [json.loads(line[len("@rehearse "):]) for line in run.stdout.splitlines() if line.startswith("@rehearse ")]
    answers = []
    for frame in frames:
        if frame["t"] in ("compile", "fatal"):
            raise RuntimeError(frame["error"].strip()[:600])
        if frame["t"] == "result":
            if frame["status"] != "ok":
                raise RuntimeError(f"test {frame['i']}: {frame['status']}: {frame.get('error', '')[:600]}")
            answers.append(frame["value"])
    if len(answers) != len(inputs):
        raise RuntimeError(f"answered {len(answers)} of {len(inputs)} tests (exit {run.returncode}): {run.stderr.strip()[:600]}")
    return answers


def signature(meta):
    sig = meta["signature"]
    return {"function": sig["function"], "params": sig["params"], "returns": sig["returns"], "output": sig.get("output")}


def build(slug):
    d = os.path.join(ROOT, slug)
    with open(os.path.join(d, "problem.toml"), "rb") as f:
        meta = tomllib.load(f)
    gen = load(os.path.join(d, "gen.py"), f"gen_{slug}")
    examples = list(gen.examples())
    inputs = [inp for inp, _ in examples] + list(gen.hidden()) + list(gen.large())
    expected = judge("python", os.path.join(d, "solutions", "solution.py"), signature(meta), inputs)
    tests = []
    for k, (inp, want) in enumerate(zip(inputs, expected)):
        t = {"input": inp, "expected": want, "example": k < len(examples)}
        if k < len(examples) and examples[k][1]:
            t["explanation"] = examples[k][1]
        tests.append(t)
    lines = ",\n".join("  " + json.dumps(t, separators=(",", ":")) for t in tests)
    with open(os.path.join(d, "tests.json"), "w") as f:
        f.write("[\n" + lines + "\n]\n")
    return meta, tests


def same(a, b, comparator):
    if comparator == "unordered" and isinstance(a, list) and isinstance(b, list):
        key = lambda x: json.dumps(x, sort_keys=True)
        return sorted(map(key, a)) == sorted(map(key, b))
    if comparator.startswith("float:"):
        tol = float(comparator.split(":")[1])
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return abs(a - b) <= tol
        if isinstance(a, list) and isinstance(b, list):
            return len(a) == len(b) and all(same(x, y, comparator) for x, y in zip(a, b))
    return a == b


def check(slug, meta, tests):
    d = os.path.join(ROOT, slug)
    comparator = meta["comparator"]
    checker = load(os.path.join(d, "checker.py"), f"chk_{slug}") if comparator == "custom" else None
    errors = []
    for lang, name in (("javascript", "solution.js"), ("java", "Solution.java")):
        try:
            got = judge(lang, os.path.join(d, "solutions", name), signature(meta), [t["input"] for t in tests])
        except (OSError, RuntimeError) as e:
            errors.append(f"{slug}: {name}: {e}")
            continue
        if checker:
            bad = [i for i, (t, g) in enumerate(zip(tests, got)) if not checker.check(t["input"], t["expected"], g)]
        else:
            bad = [i for i, (t, g) in enumerate(zip(tests, got)) if not same(t["expected"], g, comparator)]
        if bad:
            errors.append(f"{slug}: {name} disagrees with solution.py on tests {bad[:5]}")
    return errors


def main():
    args = sys.argv[1:]
    verify = "--check" in args
    slugs = [a for a in args if not a.startswith("--")] or sorted(
        s for s in os.listdir(ROOT) if os.path.isfile(os.path.join(ROOT, s, "gen.py")))
    errors = []
    for slug in slugs:
        try:
            meta, tests = build(slug)
        except Exception as e:
            errors.append(f"{slug}: build failed: {type(e).__name__}: {e}")
            continue
        if verify:
            errors += check(slug, meta, tests)
        print(f"{slug}: {len(tests)} tests", file=sys.stderr)
    for e in errors:
        print(e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
