class Solution {
    public int quietHeist(int[] houses) {
        int take = 0, skip = 0;
        for (int h : houses) {
            int t = skip + h;
            skip = Math.max(take, skip);
            take = t;
        }
        return Math.max(take, skip);
    }
}
