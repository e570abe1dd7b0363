import java.util.*;

class Solution {
    public int wordLadderLength(String begin, String end, String[] words) {
        Map<String, List<String>> buckets = new HashMap<>();
        boolean hasEnd = false;
        for (String w : words) {
            if (w.equals(end)) hasEnd = true;
            for (int i = 0; i < w.length(); i++) buckets.computeIfAbsent(w.substring(0, i) + "*" + w.substring(i + 1), k -> new ArrayList<>()).add(w);
        }
        if (!hasEnd) return 0;
        Set<String> seen = new HashSet<>(List.of(begin));
        List<String> level = new ArrayList<>(List.of(begin));
        int steps = 1;
        while (!level.isEmpty()) {
            steps++;
            List<String> next = new ArrayList<>();
            for (String w : level) for (int i = 0; i < w.length(); i++) {
                List<String> vs = buckets.remove(w.substring(0, i) + "*" + w.substring(i + 1));
                if (vs == null) continue;
                for (String v : vs) {
                    if (v.equals(end)) return steps;
                    if (seen.add(v)) next.add(v);
                }
            }
            level = next;
        }
        return 0;
    }
}
