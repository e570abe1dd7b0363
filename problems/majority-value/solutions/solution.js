function majorityValue(nums) {
    let candidate = 0, count = 0;
    for (const v of nums) {
        if (count === 0) candidate = v;
        count += v === candidate ? 1 : -1;
    }
    return candidate;
}
