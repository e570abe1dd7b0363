function zeroSumTriples(nums) {
    const a = [...nums].sort((x, y) => x - y), n = a.length, out = [];
    for (let i = 0; i < n - 2; i++) {
        if (i > 0 && a[i] === a[i - 1]) continue;
        let lo = i + 1, hi = n - 1;
        while (lo < hi) {
            const s = a[i] + a[lo] + a[hi];
            if (s < 0) lo++;
            else if (s > 0) hi--;
            else {
                out.push([a[i], a[lo], a[hi]]);
                lo++;
                while (lo < hi && a[lo] === a[lo - 1]) lo++;
                hi--;
            }
        }
    }
    return out;
}
