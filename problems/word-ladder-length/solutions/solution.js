function wordLadderLength(begin, end, words) {
    if (!words.includes(end)) return 0;
    const buckets = new Map();
    for (const w of words) for (let i = 0; i < w.length; i++) {
        const key = w.slice(0, i) + '*' + w.slice(i + 1);
        if (!buckets.has(key)) buckets.set(key, []);
        buckets.get(key).push(w);
    }
    const seen = new Set([begin]);
    let level = [begin], steps = 1;
    while (level.length) {
        steps++;
        const next = [];
        for (const w of level) for (let i = 0; i < w.length; i++) {
            const key = w.slice(0, i) + '*' + w.slice(i + 1);
            for (const v of buckets.get(key) || []) {
                if (v === end) return steps;
                if (!seen.has(v)) { seen.add(v); next.push(v); }
            }
            buckets.delete(key);
        }
        level = next;
    }
    return 0;
}
