function medianOfTwoSorted(a, b) {
    if (a.length > b.length) [a, b] = [b, a];
    const n = a.length, m = b.length, half = (n + m + 1) >> 1;
    let lo = 0, hi = n;
    for (;;) {
        const i = (lo + hi) >> 1, j = half - i;
        const aL = i > 0 ? a[i - 1] : -Infinity, aR = i < n ? a[i] : Infinity;
        const bL = j > 0 ? b[j - 1] : -Infinity, bR = j < m ? b[j] : Infinity;
        if (aL <= bR && bL <= aR) {
            const left = Math.max(aL, bL);
            return (n + m) % 2 ? left : (left + Math.min(aR, bR)) / 2;
        }
        if (aL > bR) hi = i - 1; else lo = i + 1;
    }
}
