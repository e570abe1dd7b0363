class Solution {
    public void zerosToEnd(int[] nums) {
        int write = 0;
        for (int i = 0; i < nums.length; i++) {
            if (nums[i] != 0) {
                int t = nums[write]; nums[write] = nums[i]; nums[i] = t;
                write++;
            }
        }
    }
}
