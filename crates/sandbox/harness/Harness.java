// Rehearse judge harness for Java. Reads signature.json, says it is ready, then takes one
// test per line on stdin (handed over by the supervisor, one at a time), calls the
// candidate's Solution method (found by reflection) and answers with one frame on the
// original stdout: "\n@rehearse <json>\n". System.out and System.err are captured per test.
// Nothing here is trusted: the supervisor outside this process measures time, exit and
// memory, and the host compares the answers.
import java.io.*;
import java.lang.reflect.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}

class TreeNode {
    int val;
    TreeNode left, right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) { this.val = val; this.left = left; this.right = right; }
}

public class Harness {
    private final String s;
    private int i;
    private static final long OUTPUT_CAP = Long.parseLong(System.getenv().getOrDefault("REHEARSE_OUTPUT_CAP", "1048576"));
    private static final int SHOWN = Integer.parseInt(System.getenv().getOrDefault("REHEARSE_SHOWN_CAP", "16384"));
    private static final PrintStream FRAMES = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    private static long totalOutput = 0;

    private Harness(String s) { this.s = s; }

    static final class OutputLimit extends Error {
        OutputLimit() { super("output limit", null, false, false); }
    }

    static final class Capture extends OutputStream {
        private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
        @Override public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }
        @Override public void write(byte[] b, int off, int len) {
            totalOutput += len;
            if (totalOutput > OUTPUT_CAP) throw new OutputLimit();
            int room = SHOWN - shown.size();
            if (room > 0) shown.write(b, off, Math.min(room, len));
        }
        String text() { return new String(shown.toByteArray(), StandardCharsets.UTF_8); }
    }

    private static void frame(String json) {
        FRAMES.print("\n@rehearse " + json + "\n");
        FRAMES.flush();
    }

    private static Long peakKb() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (Exception e) { /* not measurable here */ }
        return null;
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        int shown = 0;
        for (StackTraceElement f : e.getStackTrace()) {
            if ("Solution.java".equals(f.getFileName()) && shown++ < 20) b.append("\n    at ").append(f);
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(null, () -> {
            try { run(); } catch (Exception e) { throw new RuntimeException(e); }
        }, "main", 512L << 20);
        t.start();
        t.join();
    }

    private static void run() throws Exception {
        Map<?, ?> sig = (Map<?, ?>) new Harness(Files.readString(Paths.get("signature.json"))).value();
        BufferedReader tests = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8), 1 << 16);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        List<?> params = (List<?>) sig.get("params");
        String[] types = new String[params.size()];
        String output = (String) sig.get("output");
        int out = -1;
        for (int k = 0; k < types.length; k++) {
            Map<?, ?> p = (Map<?, ?>) params.get(k);
            types[k] = (String) p.get("type");
            if (p.get("name").equals(output)) out = k;
        }
        String ret = (String) sig.get("returns");
        String name = camel((String) sig.get("function"));
        Method method = null;
        for (Method m : Solution.class.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == types.length) method = m;
        }
        if (method == null) {
            frame("{\"t\":\"fatal\",\"error\":" + quote("class Solution has no method " + name + " taking " + types.length + " parameters.") + "}");
            return;
        }
        method.setAccessible(true);
        PrintStream realOut = System.out, realErr = System.err;
        frame("{\"t\":\"ready\"}");
        String line;
        for (int i = 0; (line = tests.readLine()) != null; i++) {
            List<?> input = (List<?>) new Harness(line).value();
            Object[] call = new Object[types.length];
            for (int k = 0; k < types.length; k++) call[k] = to(types[k], input.get(k));
            Capture co = new Capture(), ce = new Capture();
            System.setOut(new PrintStream(co, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(ce, true, StandardCharsets.UTF_8));
            String status, extra;
            long start = System.nanoTime(), elapsed;
            try {
                Object result = method.invoke(new Solution(), call);
                elapsed = System.nanoTime() - start;
                System.out.flush();
                status = "ok";
                extra = ",\"value\":" + (out >= 0 ? json(types[out], call[out]) : json(ret, result));
            } catch (Throwable e) {
                elapsed = System.nanoTime() - start;
                Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
                if (cause instanceof OutputLimit) { status = "output_limit"; extra = ""; }
                else if (cause instanceof OutOfMemoryError) { status = "memory"; extra = ",\"error\":" + quote(describe(cause)); }
                else { status = "error"; extra = ",\"error\":" + quote(describe(cause)); }
            } finally {
                System.setOut(realOut);
                System.setErr(realErr);
            }
            Long mem = peakKb();
            frame("{\"t\":\"result\",\"i\":" + i + ",\"status\":\"" + status + "\"" + extra
                + ",\"time_ms\":" + (elapsed / 1000) / 1000.0 + ",\"mem_kb\":" + mem
                + ",\"stdout\":" + quote(co.text()) + ",\"stderr\":" + quote(ce.text()) + "}");
        }
        frame("{\"t\":\"done\"}");
    }

    private static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') up = b.length() > 0;
            else { b.append(up ? Character.toUpperCase(c) : c); up = false; }
        }
        return b.toString();
    }

    // ---- JSON reading
    private Object value() {
        skip();
        char c = s.charAt(i);
        if (c == '{') {
            Map<String, Object> m = new LinkedHashMap<>();
            i++; skip();
            if (s.charAt(i) == '}') { i++; return m; }
            while (true) {
                skip(); String k = (String) value(); skip(); i++;
                m.put(k, value()); skip();
                if (s.charAt(i++) == '}') return m;
            }
        }
        if (c == '[') {
            List<Object> l = new ArrayList<>();
            i++; skip();
            if (s.charAt(i) == ']') { i++; return l; }
            while (true) {
                l.add(value()); skip();
                if (s.charAt(i++) == ']') return l;
            }
        }
        if (c == '"') {
            StringBuilder b = new StringBuilder();
            i++;
            while (s.charAt(i) != '"') {
                char d = s.charAt(i++);
                if (d == '\\') {
                    char e = s.charAt(i++);
                    if (e == 'u') { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    else b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e);
                } else b.append(d);
            }
            i++;
            return b.toString();
        }
        if (s.startsWith("true", i)) { i += 4; return true; }
        if (s.startsWith("false", i)) { i += 5; return false; }
        if (s.startsWith("null", i)) { i += 4; return null; }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        String num = s.substring(start, i);
        return num.matches("-?\\d+") ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num);
    }

    private void skip() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

    // ---- JSON value -> Java argument
    private static Object to(String t, Object v) {
        switch (t) {
            case "int": return ((Long) v).intValue();
            case "long": return (Long) v;
            case "double": return ((Number) v).doubleValue();
            case "bool": return (Boolean) v;
            case "char": return ((String) v).charAt(0);
            case "string": return (String) v;
            case "ListNode": return list((List<?>) v);
            case "TreeNode": return tree((List<?>) v);
        }
        List<?> l = (List<?>) v;
        String e = t.substring(0, t.length() - 2);
        Object arr;
        switch (e) {
            case "int": { int[] a = new int[l.size()]; for (int k = 0; k < a.length; k++) a[k] = ((Long) l.get(k)).intValue(); return a; }
            case "long": { long[] a = new long[l.size()]; for (int k = 0; k < a.length; k++) a[k] = (Long) l.get(k); return a; }
            case "double": { double[] a = new double[l.size()]; for (int k = 0; k < a.length; k++) a[k] = ((Number) l.get(k)).doubleValue(); return a; }
            case "bool": { boolean[] a = new boolean[l.size()]; for (int k = 0; k < a.length; k++) a[k] = (Boolean) l.get(k); return a; }
            case "char": { char[] a = new char[l.size()]; for (int k = 0; k < a.length; k++) a[k] = ((String) l.get(k)).charAt(0); return a; }
            case "string": arr = new String[l.size()]; break;
            case "ListNode": arr = new ListNode[l.size()]; break;
            case "TreeNode": arr = new TreeNode[l.size()]; break;
            case "int[]": arr = new int[l.size()][]; break;
            case "long[]": arr = new long[l.size()][]; break;
            case "double[]": arr = new double[l.size()][]; break;
            case "bool[]": arr = new boolean[l.size()][]; break;
            case "char[]": arr = new char[l.size()][]; break;
            case "string[]": arr = new String[l.size()][]; break;
            default: throw new IllegalArgumentException(t);
        }
        Object[] a = (Object[]) arr;
        for (int k = 0; k < a.length; k++) a[k] = to(e, l.get(k));
        return a;
    }

    private static ListNode list(List<?> l) {
        ListNode head = null;
        for (int k = l.size() - 1; k >= 0; k--) head = new ListNode(((Long) l.get(k)).intValue(), head);
        return head;
    }

    private static TreeNode tree(List<?> l) {
        if (l.isEmpty()) return null;
        TreeNode root = new TreeNode(((Long) l.get(0)).intValue());
        Deque<TreeNode> q = new ArrayDeque<>(List.of(root));
        int k = 1;
        while (!q.isEmpty() && k < l.size()) {
            TreeNode n = q.poll();
            if (k < l.size() && l.get(k) != null) { n.left = new TreeNode(((Long) l.get(k)).intValue()); q.add(n.left); }
            k++;
            if (k < l.size() && l.get(k) != null) { n.right = new TreeNode(((Long) l.get(k)).intValue()); q.add(n.right); }
            k++;
        }
        return root;
    }

    // ---- Java result -> JSON
    private static String json(String t, Object v) {
        if (v == null) return t.equals("ListNode") || t.equals("TreeNode") ? "[]" : "null";
        if (t.equals("double")) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? String.valueOf(d) : quote(String.valueOf(d));
        }
        switch (t) {
            case "int": case "long": case "bool": return String.valueOf(v);
            case "char": return quote(String.valueOf(v));
            case "string": return quote((String) v);
            case "ListNode": {
                StringJoiner j = new StringJoiner(",", "[", "]");
                int count = 0;
                for (ListNode n = (ListNode) v; n != null; n = n.next) {
                    if (++count > 10_000_000) throw new IllegalStateException("the returned list does not end (a cycle?)");
                    j.add(String.valueOf(n.val));
                }
                return j.toString();
            }
            case "TreeNode": {
                List<String> out = new ArrayList<>();
                List<TreeNode> level = new ArrayList<>(List.of((TreeNode) v));
                int idx = 0;
                while (idx < level.size()) {
                    TreeNode n = level.get(idx++);
                    if (n == null) { out.add("null"); continue; }
                    out.add(String.valueOf(n.val));
                    level.add(n.left);
                    level.add(n.right);
                }
                while (!out.isEmpty() && out.get(out.size() - 1).equals("null")) out.remove(out.size() - 1);
                return "[" + String.join(",", out) + "]";
            }
        }
        String e = t.substring(0, t.length() - 2);
        StringJoiner j = new StringJoiner(",", "[", "]");
        int n = java.lang.reflect.Array.getLength(v);
        for (int k = 0; k < n; k++) j.add(json(e, java.lang.reflect.Array.get(v, k)));
        return j.toString();
    }

    private static String quote(String x) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : x.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
