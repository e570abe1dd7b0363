"""Writes problem folders from a batch file of dicts (authoring helper; see build.py)."""
import os, sys, textwrap

ROOT = os.environ.get("PROBLEMS_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(p):
    d = os.path.join(ROOT, p["slug"])
    os.makedirs(os.path.join(d, "solutions"), exist_ok=True)
    params = ",\n".join(f'  {{ name = "{n}", type = "{t}" }}' for n, t in p["params"])
    toml = [f'slug = "{p["slug"]}"', f'title = {q(p["title"])}', f'difficulty = "{p["difficulty"]}"',
            "categories = [" + ", ".join(q(c) for c in p["categories"]) + "]",
            "companies = [" + ", ".join(q(c) for c in p.get("companies", [])) + "]",
            f'comparator = "{p.get("comparator", "exact")}"', f'time_limit_ms = {p.get("time_limit_ms", 2000)}'] + ([f'small_input = {q(p["small_input"])}'] if p.get("small_input") else []) + [
            "hints = [\n" + "".join(f"  {q(h)},\n" for h in p["hints"]) + "]",
            "follow_ups = [\n" + "".join(f"  {q(h)},\n" for h in p["follow_ups"]) + "]",
            "", "[complexity]", f'time = "{p["time"]}"', f'space = "{p["space"]}"',
            "", "[signature]", f'function = "{p["function"]}"', f'returns = "{p["returns"]}"']
    if p.get("output"):
        toml.append(f'output = "{p["output"]}"')
    toml.append(f"params = [\n{params},\n]")
    files = {
        "problem.toml": "\n".join(toml) + "\n",
        "statement.md": textwrap.dedent(p["statement"]).strip() + "\n",
        "gen.py": textwrap.dedent(p["gen"]).strip() + "\n",
        "solutions/solution.py": textwrap.dedent(p["py"]).strip() + "\n",
        "solutions/solution.js": textwrap.dedent(p["js"]).strip() + "\n",
        "solutions/Solution.java": textwrap.dedent(p["java"]).strip() + "\n",
    }
    if p.get("checker"):
        files["checker.py"] = textwrap.dedent(p["checker"]).strip() + "\n"
    for name, body in files.items():
        with open(os.path.join(d, name), "w") as f:
            f.write(body)
    print(p["slug"])


if __name__ == "__main__":
    ns = {}
    exec(open(sys.argv[1]).read(), ns)
    for p in ns["PROBLEMS"]:
        write(p)
