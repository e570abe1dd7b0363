class Solution {
    public int peacefulQueens(int n) {
        return place((1 << n) - 1, 0, 0, 0);
    }

    private int place(int full, int cols, int left, int right) {
        if (cols == full) return 1;
        int count = 0, free = full & ~(cols | left | right);
        while (free != 0) {
            int bit = free & -free;
            free ^= bit;
            count += place(full, cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1);
        }
        return count;
    }
}
