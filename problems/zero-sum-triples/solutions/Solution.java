import java.util.*;

class Solution {
    public int[][] zeroSumTriples(int[] nums) {
        int[] a = nums.clone();
        Arrays.sort(a);
        int n = a.length;
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n - 2; i++) {
            if (i > 0 && a[i] == a[i - 1]) continue;
            int lo = i + 1, hi = n - 1;
            while (lo < hi) {
                int s = a[i] + a[lo] + a[hi];
                if (s < 0) lo++;
                else if (s > 0) hi--;
                else {
                    out.add(new int[] {a[i], a[lo], a[hi]});
                    lo++;
                    while (lo < hi && a[lo] == a[lo - 1]) lo++;
                    hi--;
                }
            }
        }
        return out.toArray(new int[0][]);
    }
}
