function zerosToEnd(nums: number[]): void {
    let write = 0;
    for (let i = 0; i < nums.length; i++) {
        if (nums[i] !== 0) {
            [nums[write], nums[i]] = [nums[i], nums[write]];
            write++;
        }
    }
}
