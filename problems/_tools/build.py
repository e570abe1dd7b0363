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
"""
import copy, importlib.util, json, os, subprocess, sys, tempfile, tomllib

ROOT = os.environ.get("PROBLEMS_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "_tools")


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def to_list(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def from_list(node):
    out = []
    while node is not None:
        out.append(node.val)
        node = node.next
    return out


def to_tree(values):
    if not values:
        return None
    root = TreeNode(values[0])
    queue, i = [root], 1
    while queue and i < len(values):
        node = queue.pop(0)
        if i < len(values) and values[i] is not None:
            node.left = TreeNode(values[i]); queue.append(node.left)
        i += 1
        if i < len(values) and values[i] is not None:
            node.right = TreeNode(values[i]); queue.append(node.right)
        i += 1
    return root


def from_tree(root):
    out, queue = [], [root]
    while queue:
        node = queue.pop(0)
        if node is None:
            out.append(None)
        else:
            out.append(node.val); queue.append(node.left); queue.append(node.right)
    while out and out[-1] is None:
        out.pop()
    return out


def load(path, name, extra=None):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    mod.ListNode, mod.TreeNode = ListNode, TreeNode
    for k, v in (extra or {}).items():
        setattr(mod, k, v)
    spec.loader.exec_module(mod)
    return mod


def convert_in(ty, value):
    if ty.endswith("[]") and ty[:-2] in ("ListNode", "TreeNode"):
        return [convert_in(ty[:-2], v) for v in value]
    if ty == "ListNode":
        return to_list(value)
    if ty == "TreeNode":
        return to_tree(value)
    return copy.deepcopy(value)


def convert_out(ty, value):
    if ty == "ListNode":
        return from_list(value)
    if ty == "TreeNode":
        return from_tree(value)
    return value


def build(slug):
    d = os.path.join(ROOT, slug)
    with open(os.path.join(d, "problem.toml"), "rb") as f:
        meta = tomllib.load(f)
    sig = meta["signature"]
    sol = load(os.path.join(d, "solutions", "solution.py"), f"sol_{slug}")
    gen = load(os.path.join(d, "gen.py"), f"gen_{slug}")
    fn = getattr(sol, sig["function"])
    params = sig["params"]

    def run(inp):
        args = [convert_in(p["type"], inp[p["name"]]) for p in params]
        result = fn(*args)
        if sig["returns"] == "void":
            idx = [p["name"] for p in params].index(sig["output"])
            return convert_out(params[idx]["type"], args[idx])
        return convert_out(sig["returns"], result)

    tests = []
    for inp, why in gen.examples():
        t = {"input": inp, "expected": run(inp), "example": True}
        if why:
            t["explanation"] = why
        tests.append(t)
    for inp in list(gen.hidden()) + list(gen.large()):
        tests.append({"input": inp, "expected": run(inp), "example": False})
    lines = ",\n".join("  " + json.dumps(t, separators=(",", ":")) for t in tests)
    with open(os.path.join(d, "tests.json"), "w") as f:
        f.write("[\n" + lines + "\n]\n")
    return meta, tests


JS_HARNESS = r"""
const fs = require('fs');
function ListNode(val, next) { this.val = val === undefined ? 0 : val; this.next = next === undefined ? null : next; }
function TreeNode(val, left, right) { this.val = val === undefined ? 0 : val; this.left = left === undefined ? null : left; this.right = right === undefined ? null : right; }
const toList = (a) => { let h = null; for (let i = a.length - 1; i >= 0; i--) h = new ListNode(a[i], h); return h; };
const fromList = (n) => { const o = []; while (n) { o.push(n.val); n = n.next; } return o; };
const toTree = (a) => { if (!a.length) return null; const r = new TreeNode(a[0]); const q = [r]; let i = 1;
  while (q.length && i < a.length) { const n = q.shift();
    if (i < a.length && a[i] !== null) { n.left = new TreeNode(a[i]); q.push(n.left); } i++;
    if (i < a.length && a[i] !== null) { n.right = new TreeNode(a[i]); q.push(n.right); } i++; } return r; };
const fromTree = (r) => { const o = []; const q = [r]; while (q.length) { const n = q.shift();
  if (n === null) o.push(null); else { o.push(n.val); q.push(n.left); q.push(n.right); } }
  while (o.length && o[o.length - 1] === null) o.pop(); return o; };
const conv = (t, v, dir) => (t === 'ListNode[]' || t === 'TreeNode[]') ? v.map((x) => conv(t.slice(0, -2), x, dir)) : t === 'ListNode' ? (dir ? toList(v) : fromList(v)) : t === 'TreeNode' ? (dir ? toTree(v) : fromTree(v)) : v;
const [sig, tests] = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const src = fs.readFileSync(process.argv[2], 'utf8');
const fn = new Function('ListNode', 'TreeNode', src + '\nreturn ' + sig.name + ';')(ListNode, TreeNode);
const out = tests.map((t) => {
  const args = sig.params.map((p) => conv(p.type, JSON.parse(JSON.stringify(t.input[p.name])), true));
  const r = fn(...args);
  if (sig.returns === 'void') { const i = sig.params.findIndex((p) => p.name === sig.output); return conv(sig.params[i].type, args[i], false); }
  return conv(sig.returns, r === undefined ? null : r, false);
});
process.stdout.write(JSON.stringify(out));
"""


def camel(s):
    head, *rest = s.split("_")
    return head + "".join(w.title() for w in rest)


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


def disagreements(slug, name, d, meta, tests, got):
    comparator = meta["comparator"]
    if len(got) != len(tests):
        return [f"{slug}: {name} answered {len(got)} of {len(tests)} tests"]
    if comparator == "custom":
        checker = load(os.path.join(d, "checker.py"), f"chk_{slug}")
        bad = [i for i, (t, g) in enumerate(zip(tests, got)) if not checker.check(t["input"], t["expected"], g)]
    else:
        bad = [i for i, (t, g) in enumerate(zip(tests, got)) if not same(t["expected"], g, comparator)]
    return [f"{slug}: {name} disagrees with solution.py on tests {bad[:5]}"] if bad else []


def check(slug, meta, tests):
    d = os.path.join(ROOT, slug)
    sig = meta["signature"]
    spec = {"name": camel(sig["function"]), "params": sig["params"], "returns": sig["returns"], "output": sig.get("output")}
    with tempfile.TemporaryDirectory() as tmp:
        harness = os.path.join(tmp, "h.js")
        data = os.path.join(tmp, "t.json")
        open(harness, "w").write(JS_HARNESS)
        json.dump([spec, tests], open(data, "w"))
        out = subprocess.run(["node", harness, os.path.join(d, "solutions", "solution.js"), data], capture_output=True, text=True)
        if out.returncode != 0:
            return [f"{slug}: solution.js failed: {out.stderr.strip()[:400]}"]
        errors = disagreements(slug, "solution.js", d, meta, tests, json.loads(out.stdout))
        java = os.path.join(tmp, "java")
        os.makedirs(java)
        code = open(os.path.join(d, "solutions", "Solution.java")).read()
        prelude = "import java.util.*;\nclass ListNode { int val; ListNode next; ListNode() {} ListNode(int v) { val = v; } ListNode(int v, ListNode n) { val = v; next = n; } }\nclass TreeNode { int val; TreeNode left, right; TreeNode() {} TreeNode(int v) { val = v; } TreeNode(int v, TreeNode l, TreeNode r) { val = v; left = l; right = r; } }\n"
        body = "\n".join(l for l in code.splitlines() if not l.startswith("import "))
        open(os.path.join(java, "Solution.java"), "w").write(prelude + body)
        harness = os.path.join(TOOLS, "Harness.java")
        out = subprocess.run(["javac", "-d", java, os.path.join(java, "Solution.java"), harness], capture_output=True, text=True)
        if out.returncode != 0:
            errors.append(f"{slug}: Solution.java does not compile: {out.stderr.strip()[:600]}")
            return errors
        names = [p["name"] for p in sig["params"]]
        out_index = names.index(sig["output"]) if sig.get("output") else -1
        spec = ",".join(p["type"] for p in sig["params"]) + f";{sig['returns']};{out_index};" + ",".join(names)
        run = subprocess.run(["java", "-Xss64m", "-cp", java, "Harness", camel(sig["function"]), spec, data], capture_output=True, text=True)
        if run.returncode != 0:
            errors.append(f"{slug}: Solution.java failed: {run.stderr.strip()[:600]}")
            return errors
        got = [json.loads(line) for line in run.stdout.splitlines()]
        errors += disagreements(slug, "Solution.java", d, meta, tests, got)
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
