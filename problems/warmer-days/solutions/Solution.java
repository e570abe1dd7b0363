class Solution {
    public int[] warmerDays(int[] temps) {
        int n = temps.length, top = 0;
        int[] out = new int[n], stack = new int[n];
        for (int i = 0; i < n; i++) {
            while (top > 0 && temps[stack[top - 1]] < temps[i]) {
                int j = stack[--top];
                out[j] = i - j;
            }
            stack[top++] = i;
        }
        return out;
    }
}
