import java.util.*;

class Solution {
    public int smashStones(int[] stones) {
        PriorityQueue<Integer> heap = new PriorityQueue<>(Collections.reverseOrder());
        for (int s : stones) heap.add(s);
        while (heap.size() > 1) {
            int x = heap.poll(), y = heap.poll();
            if (x != y) heap.add(x - y);
        }
        return heap.isEmpty() ? 0 : heap.peek();
    }
}
