function mostFrequentValues(nums, k) {
    const counts = new Map();
    for (const v of nums) counts.set(v, (counts.get(v) || 0) + 1);
    return [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a - b).slice(0, k);
}
