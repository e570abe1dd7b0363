class Solution {
    public ListNode addDigitChains(ListNode a, ListNode b) {
        ListNode dummy = new ListNode(0), tail = dummy;
        int carry = 0;
        while (a != null || b != null || carry != 0) {
            int s = carry + (a != null ? a.val : 0) + (b != null ? b.val : 0);
            tail.next = new ListNode(s % 10);
            tail = tail.next;
            carry = s / 10;
            a = a != null ? a.next : null;
            b = b != null ? b.next : null;
        }
        return dummy.next;
    }
}
