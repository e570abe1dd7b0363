function missingFromRange(nums) {
    let x = nums.length;
    nums.forEach((v, i) => { x ^= i ^ v; });
    return x;
}
