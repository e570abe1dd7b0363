// Runs Solution.<method> on every test of a problem and prints one JSON result per line.
// Authoring aid for problems/_tools/build.py --check; the judge's real harness is generated
// by the sandbox. Usage: java Harness <method> <types: p1,p2,...;ret;outputIndex> <tests.json>
import java.lang.reflect.Method;
import java.nio.file.*;
import java.util.*;

public class Harness {
    private final String s;
    private int i;

    private Harness(String s) { this.s = s; }

    public static void main(String[] args) throws Exception {
        String[] sig = args[1].split(";", -1);
        String[] types = sig[0].isEmpty() ? new String[0] : sig[0].split(",");
        String ret = sig[1];
        int out = Integer.parseInt(sig[2]);
        String[] names = sig[3].split(",");
        // The file holds [signature, tests], shared with the JavaScript check.
        List<?> tests = (List<?>) ((List<?>) new Harness(new String(Files.readAllBytes(Paths.get(args[2])))).value()).get(1);
        Method method = null;
        for (Method m : Solution.class.getMethods()) if (m.getName().equals(args[0])) method = m;
        StringBuilder sb = new StringBuilder();
        for (Object t : tests) {
            Map<?, ?> input = (Map<?, ?>) ((Map<?, ?>) t).get("input");
            Object[] call = new Object[types.length];
            for (int k = 0; k < types.length; k++) call[k] = to(types[k], input.get(names[k]));
            Object result = method.invoke(new Solution(), call);
            sb.append(out >= 0 ? json(types[out], call[out]) : json(ret, result)).append('\n');
        }
        System.out.print(sb);
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
        switch (t) {
            case "int": case "long": case "bool": return String.valueOf(v);
            case "double": return String.valueOf(((Number) v).doubleValue());
            case "char": return quote(String.valueOf(v));
            case "string": return quote((String) v);
            case "ListNode": {
                StringJoiner j = new StringJoiner(",", "[", "]");
                for (ListNode n = (ListNode) v; n != null; n = n.next) j.add(String.valueOf(n.val));
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
