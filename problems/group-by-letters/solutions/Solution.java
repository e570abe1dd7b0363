import java.util.*;

class Solution {
    public String[][] groupByLetters(String[] words) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String w : words) {
            char[] c = w.toCharArray();
            Arrays.sort(c);
            groups.computeIfAbsent(new String(c), k -> new ArrayList<>()).add(w);
        }
        String[][] out = new String[groups.size()][];
        int i = 0;
        for (List<String> g : groups.values()) out[i++] = g.toArray(new String[0]);
        return out;
    }
}
