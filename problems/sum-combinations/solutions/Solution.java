import java.util.*;

class Solution {
    public int[][] sumCombinations(int[] candidates, int target) {
        int[] cands = candidates.clone();
        Arrays.sort(cands);
        List<int[]> out = new ArrayList<>();
        backtrack(cands, 0, target, new ArrayDeque<>(), out);
        return out.toArray(new int[0][]);
    }

    private void backtrack(int[] cands, int start, int remaining, Deque<Integer> current, List<int[]> out) {
        if (remaining == 0) {
            out.add(current.stream().mapToInt(Integer::intValue).toArray());
            return;
        }
        for (int i = start; i < cands.length && cands[i] <= remaining; i++) {
            current.addLast(cands[i]);
            backtrack(cands, i, remaining - cands[i], current, out);
            current.removeLast();
        }
    }
}
