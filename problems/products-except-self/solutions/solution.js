function productsExceptSelf(nums) {
    const n = nums.length, out = new Array(n).fill(1);
    for (let i = 1; i < n; i++) out[i] = out[i - 1] * nums[i - 1];
    let right = 1;
    for (let i = n - 1; i >= 0; i--) { out[i] *= right; right *= nums[i]; }
    return out;
}
