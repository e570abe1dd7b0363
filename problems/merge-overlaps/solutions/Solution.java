import java.util.*;

class Solution {
    public int[][] mergeOverlaps(int[][] ranges) {
        int[][] sorted = ranges.clone();
        Arrays.sort(sorted, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : sorted) {
            if (!out.isEmpty() && r[0] <= out.get(out.size() - 1)[1]) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else out.add(new int[] {r[0], r[1]});
        }
        return out.toArray(new int[0][]);
    }
}
