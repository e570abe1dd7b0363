class Solution {
    public int countOneBits(long n) {
        return Long.bitCount(n);
    }
}
