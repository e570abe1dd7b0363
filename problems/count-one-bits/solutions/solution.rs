impl Solution {
    pub fn count_one_bits(n: i64) -> i32 {
        (n as u64).count_ones() as i32
    }
}
