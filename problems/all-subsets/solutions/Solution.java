import java.util.*;

class Solution {
    public int[][] allSubsets(int[] nums) {
        int[] sorted = nums.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int[][] out = new int[1 << n][];
        for (int mask = 0; mask < 1 << n; mask++) {
            int[] subset = new int[Integer.bitCount(mask)];
            int k = 0;
            for (int i = 0; i < n; i++) if ((mask & (1 << i)) != 0) subset[k++] = sorted[i];
            out[mask] = subset;
        }
        return out;
    }
}
