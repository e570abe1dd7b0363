# Rehearse judge harness for Python. Reads signature.json, says it is ready, then takes one
# test per line on stdin (handed over by the supervisor, one at a time), calls the
# candidate's function in solution.py and answers with one frame on the original stdout:
# "\n@rehearse <json>\n". The candidate's own prints are captured per test. Nothing here is
# trusted: the supervisor outside this process measures time, exit and memory, and the host
# compares the answers.
import io
import json
import os
import sys
import time
import traceback

OUTPUT_CAP = int(os.environ.pop("REHEARSE_OUTPUT_CAP", "1048576"))
SHOWN = int(os.environ.pop("REHEARSE_SHOWN_CAP", "16384"))
_frames = os.fdopen(os.dup(1), "w", encoding="utf-8", errors="replace")
_tests = os.fdopen(os.dup(0), "rb")
sys.stdin = open(os.devnull)
MAIN_PID = os.getpid()


def frame(obj):
    if os.getpid() != MAIN_PID:
        # A process the candidate forked: it must not report, nor run the remaining tests.
        os._exit(0)
    _frames.write("\n@rehearse " + json.dumps(obj, allow_nan=False) + "\n")
    _frames.flush()


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


class OutputLimit(BaseException):
    pass


class Capture(io.TextIOBase):
    total = 0

    def __init__(self):
        self.parts = []
        self.size = 0

    def writable(self):
        return True

    def write(self, s):
        s = str(s)
        Capture.total += len(s)
        if Capture.total > OUTPUT_CAP:
            raise OutputLimit()
        if self.size < SHOWN:
            self.parts.append(s[: SHOWN - self.size])
        self.size += len(s)
        return len(s)

    def text(self):
        return "".join(self.parts)


def build(ty, v):
    if v is None:
        return None
    if ty == "ListNode":
        head = None
        for x in reversed(v):
            head = ListNode(x, head)
        return head
    if ty == "TreeNode":
        if not v:
            return None
        root = TreeNode(v[0])
        queue, k = [root], 1
        for node in queue:
            if k >= len(v):
                break
            if v[k] is not None:
                node.left = TreeNode(v[k])
                queue.append(node.left)
            k += 1
            if k < len(v) and v[k] is not None:
                node.right = TreeNode(v[k])
                queue.append(node.right)
            k += 1
        return root
    if ty.endswith("[]"):
        return [build(ty[:-2], x) for x in v]
    return v


LIMIT_NODES = 10**7


def dump(ty, v):
    if ty == "ListNode":
        out = []
        while v is not None:
            out.append(v.val)
            if len(out) > LIMIT_NODES:
                raise ValueError("the returned list does not end (a cycle?)")
            v = v.next
        return out
    if ty == "TreeNode":
        out, level = [], [v]
        for node in level:
            if node is None:
                out.append(None)
                continue
            out.append(node.val)
            level.append(node.left)
            level.append(node.right)
            if len(level) > LIMIT_NODES:
                raise ValueError("the returned tree is too large (a cycle?)")
        while out and out[-1] is None:
            out.pop()
        return out
    if v is None:
        return None
    if ty.endswith("[]"):
        return [dump(ty[:-2], x) for x in v]
    if ty == "double" and isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    return v


def peak_kb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def describe(e):
    """The exception with only the candidate's own frames, as a person would want it."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == "solution.py"]
    text = "Traceback (most recent call last):\n" if frames else ""
    text += "".join(traceback.format_list(frames[-20:]))
    return text + "".join(traceback.format_exception_only(type(e), e))


# What LeetCode's Python 3 has in scope without an import: these modules by name, and every
# public name of the star-imported ones (math's pow excepted, so the built-in three-argument
# pow keeps working), plus sortedcontainers where the image has it and the code names it.
# Modules that are slow to import load on first use.
MODULES = ("bisect", "collections", "copy", "functools", "heapq", "itertools", "math",
           "operator", "re", "sys", "typing")
LAZY = ("array", "datetime", "decimal", "fractions", "random", "statistics", "string")
STAR = ("typing", "collections", "heapq", "bisect", "itertools", "functools", "math")


class LazyModule:
    def __init__(self, name):
        self.__name = name

    def __getattr__(self, attr):
        return getattr(__import__(self.__name), attr)

    def __repr__(self):
        return "<module '%s'>" % self.__name


def leetcode_names(source):
    ns = {name: __import__(name) for name in MODULES}
    ns.update({name: LazyModule(name) for name in LAZY})
    for name in STAR:
        module = ns[name]
        public = getattr(module, "__all__", None) or [k for k in vars(module) if not k.startswith("_")]
        ns.update({k: getattr(module, k) for k in public if hasattr(module, k)})
    ns.pop("pow", None)
    if "Sorted" in source and os.path.isdir("/usr/lib/python3/dist-packages/sortedcontainers"):
        sys.path.append("/usr/lib/python3/dist-packages")
        try:
            from sortedcontainers import SortedDict, SortedList, SortedSet
            ns.update(SortedList=SortedList, SortedDict=SortedDict, SortedSet=SortedSet)
        except ImportError:
            pass
    return ns


def find(ns, name):
    fn = ns.get(name)
    if callable(fn) and not isinstance(fn, type):
        return fn
    cls = ns.get("Solution")
    if isinstance(cls, type):
        camel = name.split("_")[0] + "".join(w.title() for w in name.split("_")[1:])
        for attr in (name, camel):
            if hasattr(cls, attr):
                return getattr(cls(), attr)
    return None


def main():
    with open("signature.json") as f:
        sig = json.load(f)
    types = [p["type"] for p in sig["params"]]
    names = [p["name"] for p in sig["params"]]
    out_index = names.index(sig["output"]) if sig.get("output") else None
    answer = types[out_index] if out_index is not None else sig["returns"]
    with open("solution.py", encoding="utf-8") as f:
        source = f.read()
    try:
        code = compile(source, "solution.py", "exec")
    except (SyntaxError, ValueError) as e:
        frame({"t": "compile", "error": "".join(traceback.format_exception_only(type(e), e))})
        return
    ns = leetcode_names(source)
    ns.update({"__name__": "solution", "ListNode": ListNode, "TreeNode": TreeNode})
    sys.setrecursionlimit(100000)
    out, err = Capture(), Capture()
    sys.stdout, sys.stderr = out, err
    try:
        exec(code, ns)
    except BaseException as e:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        frame({"t": "fatal", "error": describe(e), "stdout": out.text(), "stderr": err.text()})
        return
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    fn = find(ns, sig["function"])
    if fn is None:
        frame({"t": "fatal", "error": "solution.py does not define a function named `%s`." % sig["function"]})
        return
    frame({"t": "ready"})
    for i, line in enumerate(iter(_tests.readline, b"")):
        args = json.loads(line)
        values = [build(t, a) for t, a in zip(types, args)]
        out, err = Capture(), Capture()
        rec = {"t": "result", "i": i}
        sys.stdout, sys.stderr = out, err
        start = time.perf_counter()
        try:
            result = fn(*values)
            elapsed = time.perf_counter() - start
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
            value = dump(answer, values[out_index] if out_index is not None else result)
            json.dumps(value, allow_nan=False)
            rec.update(status="ok", value=value)
        except OutputLimit:
            elapsed = time.perf_counter() - start
            rec.update(status="output_limit")
        except MemoryError:
            elapsed = time.perf_counter() - start
            rec.update(status="memory", error="MemoryError")
        except BaseException as e:
            elapsed = time.perf_counter() - start
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
            rec.update(status="error", error=describe(e))
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
        rec.update(time_ms=round(elapsed * 1000, 3), mem_kb=peak_kb(), stdout=out.text(), stderr=err.text())
        frame(rec)
    frame({"t": "done"})


main()
