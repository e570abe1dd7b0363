function longestDistinctWindow(s) {
    const last = new Map();
    let start = 0, best = 0;
    for (let j = 0; j < s.length; j++) {
        const c = s[j];
        if (last.has(c) && last.get(c) >= start) start = last.get(c) + 1;
        last.set(c, j);
        best = Math.max(best, j - start + 1);
    }
    return best;
}
