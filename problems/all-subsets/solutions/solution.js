function allSubsets(nums) {
    const sorted = [...nums].sort((a, b) => a - b), out = [];
    for (let mask = 0; mask < 1 << sorted.length; mask++) {
        out.push(sorted.filter((_, i) => mask & (1 << i)));
    }
    return out;
}
