function sortedSquares(nums) {
    const out = new Array(nums.length);
    let i = 0, j = nums.length - 1;
    for (let w = nums.length - 1; w >= 0; w--) {
        if (Math.abs(nums[i]) > Math.abs(nums[j])) { out[w] = nums[i] * nums[i]; i++; }
        else { out[w] = nums[j] * nums[j]; j--; }
    }
    return out;
}
