function medianOfTwoSorted(a: number[], b: number[]): number {
    if (a.length > b.length) [a, b] = [b, a];
    const n = a.length, m = b.length, half = Math.floor((n + m + 1) / 2);
    let lo = 0, hi = n;
    const at = (s: number[], k: number) => (k < 0 ? -Infinity : k >= s.length ? Infinity : s[k]);
    while (true) {
        const i = Math.floor((lo + hi) / 2), j = half - i;
        const al = at(a, i - 1), ar = at(a, i), bl = at(b, j - 1), br = at(b, j);
        if (al <= br && bl <= ar) {
            const left = Math.max(al, bl);
            return (n + m) % 2 ? left : (left + Math.min(ar, br)) / 2;
        }
        if (al > br) hi = i - 1;
        else lo = i + 1;
    }
}
