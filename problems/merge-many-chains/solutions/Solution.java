import java.util.*;

class Solution {
    public ListNode mergeManyChains(ListNode[] lists) {
        PriorityQueue<ListNode> heap = new PriorityQueue<>((x, y) -> Integer.compare(x.val, y.val));
        for (ListNode n : lists) if (n != null) heap.add(n);
        ListNode dummy = new ListNode(0), tail = dummy;
        while (!heap.isEmpty()) {
            ListNode n = heap.poll();
            tail.next = n;
            tail = n;
            if (n.next != null) heap.add(n.next);
        }
        tail.next = null;
        return dummy.next;
    }
}
