import java.util.*;

class Solution {
    public int[] mostFrequentValues(int[] nums, int k) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int v : nums) counts.merge(v, 1, Integer::sum);
        PriorityQueue<Integer> heap = new PriorityQueue<>((a, b) -> !counts.get(a).equals(counts.get(b)) ? counts.get(a) - counts.get(b) : b - a);
        for (int v : counts.keySet()) {
            heap.add(v);
            if (heap.size() > k) heap.poll();
        }
        int[] out = new int[k];
        for (int i = k - 1; i >= 0; i--) out[i] = heap.poll();
        return out;
    }
}
