class Solution {
public:
    double medianOfTwoSorted(vector<int>& a, vector<int>& b) {
        if (a.size() > b.size()) return medianOfTwoSorted(b, a);
        int n = a.size(), m = b.size(), half = (n + m + 1) / 2, lo = 0, hi = n;
        const double inf = 1e18;
        while (true) {
            int i = (lo + hi) / 2, j = half - i;
            double al = i > 0 ? a[i - 1] : -inf, ar = i < n ? a[i] : inf;
            double bl = j > 0 ? b[j - 1] : -inf, br = j < m ? b[j] : inf;
            if (al <= br && bl <= ar) {
                double left = max(al, bl);
                if ((n + m) % 2) return left;
                return (left + min(ar, br)) / 2;
            }
            if (al > br) hi = i - 1; else lo = i + 1;
        }
    }
};
