function smallestCoveringWindow(s, t) {
    const need = new Map();
    for (const c of t) need.set(c, (need.get(c) || 0) + 1);
    let missing = need.size, left = 0, bestLen = Infinity, bestStart = 0;
    for (let right = 0; right < s.length; right++) {
        const c = s[right];
        if (need.has(c)) { need.set(c, need.get(c) - 1); if (need.get(c) === 0) missing--; }
        while (missing === 0) {
            if (right - left + 1 < bestLen) { bestLen = right - left + 1; bestStart = left; }
            const d = s[left];
            if (need.has(d)) { need.set(d, need.get(d) + 1); if (need.get(d) > 0) missing++; }
            left++;
        }
    }
    return bestLen === Infinity ? '' : s.slice(bestStart, bestStart + bestLen);
}
