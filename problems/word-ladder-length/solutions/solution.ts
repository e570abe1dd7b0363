function wordLadderLength(begin: string, end: string, words: string[]): number {
    if (!words.includes(end)) return 0;
    const buckets = new Map<string, string[]>();
    const key = (w: string, i: number) => w.slice(0, i) + "*" + w.slice(i + 1);
    for (const w of words) {
        for (let i = 0; i < w.length; i++) {
            const k = key(w, i);
            const b = buckets.get(k);
            if (b) b.push(w);
            else buckets.set(k, [w]);
        }
    }
    const seen = new Set<string>([begin]);
    let level = [begin];
    let steps = 1;
    while (level.length) {
        steps++;
        const next: string[] = [];
        for (const w of level) {
            for (let i = 0; i < w.length; i++) {
                const k = key(w, i);
                for (const v of buckets.get(k) ?? []) {
                    if (v === end) return steps;
                    if (!seen.has(v)) {
                        seen.add(v);
                        next.push(v);
                    }
                }
                buckets.delete(k);
            }
        }
        level = next;
    }
    return 0;
}
