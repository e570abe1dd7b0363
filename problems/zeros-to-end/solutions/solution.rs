impl Solution {
    pub fn zeros_to_end(nums: &mut Vec<i32>) {
        let mut write = 0;
        for i in 0..nums.len() {
            if nums[i] != 0 {
                nums.swap(write, i);
                write += 1;
            }
        }
    }
}
