class Solution {
    public double medianOfTwoSorted(int[] a, int[] b) {
        if (a.length > b.length) { int[] t = a; a = b; b = t; }
        int n = a.length, m = b.length, half = (n + m + 1) / 2, lo = 0, hi = n;
        while (true) {
            int i = (lo + hi) / 2, j = half - i;
            long aL = i > 0 ? a[i - 1] : Long.MIN_VALUE, aR = i < n ? a[i] : Long.MAX_VALUE;
            long bL = j > 0 ? b[j - 1] : Long.MIN_VALUE, bR = j < m ? b[j] : Long.MAX_VALUE;
            if (aL <= bR && bL <= aR) {
                long left = Math.max(aL, bL);
                if ((n + m) % 2 == 1) return left;
                return (left + Math.min(aR, bR)) / 2.0;
            }
            if (aL > bR) hi = i - 1; else lo = i + 1;
        }
    }
}
