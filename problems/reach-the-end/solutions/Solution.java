class Solution {
    public boolean reachTheEnd(int[] jumps) {
        int reach = 0;
        for (int i = 0; i < jumps.length; i++) {
            if (i > reach) return false;
            reach = Math.max(reach, i + jumps[i]);
        }
        return true;
    }
}
