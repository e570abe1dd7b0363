import java.util.*;

class Solution {
    public boolean coursePlan(int courses, int[][] prerequisites) {
        List<List<Integer>> after = new ArrayList<>();
        for (int i = 0; i < courses; i++) after.add(new ArrayList<>());
        int[] waiting = new int[courses];
        for (int[] p : prerequisites) { after.get(p[1]).add(p[0]); waiting[p[0]]++; }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < courses; i++) if (waiting[i] == 0) ready.add(i);
        int taken = 0;
        while (!ready.isEmpty()) {
            int c = ready.poll();
            taken++;
            for (int d : after.get(c)) if (--waiting[d] == 0) ready.add(d);
        }
        return taken == courses;
    }
}
