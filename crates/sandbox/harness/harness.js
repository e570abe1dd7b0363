// Rehearse judge harness for JavaScript and TypeScript (after compilation). Reads
// signature.json, says it is ready, then takes one test per line on stdin (handed over by the
// supervisor, one at a time), calls the candidate's function from solution.js and answers
// with one frame on fd 1: "\n@rehearse <json>\n". The candidate's console output is captured
// per test. Nothing here is trusted: the supervisor outside this process measures time, exit
// and memory, and the host compares the answers.
"use strict";
const fs = require("fs");
const vm = require("vm");

const OUTPUT_CAP = Number(process.env.REHEARSE_OUTPUT_CAP || 1048576);
const SHOWN = Number(process.env.REHEARSE_SHOWN_CAP || 16384);
const SOURCE = process.argv[2] || "solution.js";

// fd 1 may be a non-blocking pipe: write all of it, waiting while the reader catches up.
const pause = new Int32Array(new SharedArrayBuffer(4));
function frame(obj) {
  const buf = Buffer.from("\n@rehearse " + JSON.stringify(obj) + "\n");
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(1, buf, off, buf.length - off);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

// The next test: one line from fd 0, or null at its end.
let inbox = Buffer.alloc(0);
function nextTest() {
  const parts = [];
  for (;;) {
    const nl = inbox.indexOf(10);
    if (nl >= 0) {
      parts.push(inbox.subarray(0, nl));
      inbox = inbox.subarray(nl + 1);
      return Buffer.concat(parts).toString("utf8");
    }
    parts.push(inbox);
    const chunk = Buffer.alloc(1 << 20);
    let n;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if (e.code === "EAGAIN") { Atomics.wait(pause, 0, 0, 1); inbox = Buffer.alloc(0); continue; }
      if (e.code === "EOF") return null;
      throw e;
    }
    if (n === 0) return null;
    inbox = chunk.subarray(0, n);
  }
}

function ListNode(val, next) {
  this.val = val === undefined ? 0 : val;
  this.next = next === undefined ? null : next;
}
function TreeNode(val, left, right) {
  this.val = val === undefined ? 0 : val;
  this.left = left === undefined ? null : left;
  this.right = right === undefined ? null : right;
}
globalThis.ListNode = ListNode;
globalThis.TreeNode = TreeNode;

class OutputLimit extends Error {}
let totalOutput = 0;
class Capture {
  constructor() { this.parts = []; this.size = 0; }
  write(chunk) {
    const s = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    totalOutput += s.length;
    if (totalOutput > OUTPUT_CAP) throw new OutputLimit("output limit");
    if (this.size < SHOWN) this.parts.push(s.slice(0, SHOWN - this.size));
    this.size += s.length;
  }
  text() { return this.parts.join(""); }
}
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
function capture(out, err) {
  process.stdout.write = (c, e, cb) => { out.write(c); if (typeof e === "function") e(); else if (typeof cb === "function") cb(); return true; };
  process.stderr.write = (c, e, cb) => { err.write(c); if (typeof e === "function") e(); else if (typeof cb === "function") cb(); return true; };
}
function release() {
  process.stdout.write = realOut;
  process.stderr.write = realErr;
}

function build(ty, v) {
  if (v === null || v === undefined) return null;
  if (ty === "ListNode") {
    let head = null;
    for (let k = v.length - 1; k >= 0; k--) head = new ListNode(v[k], head);
    return head;
  }
  if (ty === "TreeNode") {
    if (v.length === 0) return null;
    const root = new TreeNode(v[0]);
    const queue = [root];
    let k = 1;
    for (let q = 0; q < queue.length && k < v.length; q++) {
      const node = queue[q];
      if (v[k] !== null) { node.left = new TreeNode(v[k]); queue.push(node.left); }
      k++;
      if (k < v.length && v[k] !== null) { node.right = new TreeNode(v[k]); queue.push(node.right); }
      k++;
    }
    return root;
  }
  if (ty.endsWith("[]")) return v.map((x) => build(ty.slice(0, -2), x));
  return v;
}

const LIMIT_NODES = 1e7;
function dump(ty, v) {
  if (ty === "ListNode") {
    const out = [];
    for (let n = v; n !== null && n !== undefined; n = n.next) {
      out.push(n.val);
      if (out.length > LIMIT_NODES) throw new Error("the returned list does not end (a cycle?)");
    }
    return out;
  }
  if (ty === "TreeNode") {
    const out = [];
    const level = [v === undefined ? null : v];
    for (let q = 0; q < level.length; q++) {
      const n = level[q];
      if (n === null || n === undefined) { out.push(null); continue; }
      out.push(n.val);
      level.push(n.left === undefined ? null : n.left, n.right === undefined ? null : n.right);
      if (level.length > LIMIT_NODES) throw new Error("the returned tree is too large (a cycle?)");
    }
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  }
  if (v === null || v === undefined) return null;
  if (ty.endsWith("[]")) return Array.from(v, (x) => dump(ty.slice(0, -2), x));
  if (typeof v === "bigint") return Number(v);
  return v;
}

function peakKb() {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) : null;
  } catch (e) {
    return null;
  }
}

function describe(e) {
  if (!(e instanceof Error)) return "Uncaught " + String(e);
  const lines = String(e.stack || e).split("\n");
  const mine = lines.filter((l, i) => i === 0 || l.includes(SOURCE));
  return mine.slice(0, 21).join("\n");
}

function find(name) {
  const probe = `(function(){
    if (typeof ${name} === "function") return ${name};
    if (typeof Solution === "function") {
      const s = new Solution();
      if (typeof s.${name} === "function") return s.${name}.bind(s);
    }
    return undefined;
  })()`;
  return vm.runInThisContext(probe);
}

function main() {
  const sig = JSON.parse(fs.readFileSync("signature.json", "utf8"));
  const types = sig.params.map((p) => p.type);
  const names = sig.params.map((p) => p.name);
  const outIndex = sig.output ? names.indexOf(sig.output) : -1;
  const answer = outIndex >= 0 ? types[outIndex] : sig.returns;
  const name = sig.function.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  const source = fs.readFileSync(SOURCE, "utf8");
  let script;
  try {
    script = new vm.Script(source, { filename: SOURCE });
  } catch (e) {
    frame({ t: "compile", error: String(e.stack || e).split("\n").slice(0, 6).join("\n") });
    return;
  }
  let out = new Capture(), err = new Capture();
  capture(out, err);
  try {
    script.runInThisContext();
  } catch (e) {
    release();
    frame({ t: "fatal", error: describe(e), stdout: out.text(), stderr: err.text() });
    return;
  }
  release();
  const fn = find(name);
  if (!fn) {
    frame({ t: "fatal", error: `${SOURCE} does not define a function named \`${name}\`.` });
    return;
  }
  frame({ t: "ready" });
  for (let i = 0, line; (line = nextTest()) !== null; i++) {
    const args = JSON.parse(line);
    const values = types.map((t, k) => build(t, args[k]));
    out = new Capture();
    err = new Capture();
    const rec = { t: "result", i };
    capture(out, err);
    const start = process.hrtime.bigint();
    let elapsed;
    try {
      const result = fn(...values);
      elapsed = process.hrtime.bigint() - start;
      release();
      rec.value = dump(answer, outIndex >= 0 ? values[outIndex] : result);
      rec.status = "ok";
      if (rec.value === undefined) rec.value = null;
    } catch (e) {
      elapsed = process.hrtime.bigint() - start;
      release();
      if (e instanceof OutputLimit) rec.status = "output_limit";
      else if (e instanceof RangeError && /allocation|Invalid array length|Invalid string length/.test(e.message)) {
        rec.status = "memory";
        rec.error = describe(e);
      } else {
        rec.status = "error";
        rec.error = describe(e);
      }
    }
    rec.time_ms = Math.round(Number(elapsed) / 1000) / 1000;
    rec.mem_kb = peakKb();
    rec.stdout = out.text();
    rec.stderr = err.text();
    frame(rec);
  }
  frame({ t: "done" });
}

main();
