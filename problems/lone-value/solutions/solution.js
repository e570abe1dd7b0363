function loneValue(nums) {
    return nums.reduce((x, v) => x ^ v, 0);
}
