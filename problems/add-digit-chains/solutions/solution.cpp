class Solution {
public:
    ListNode* addDigitChains(ListNode* a, ListNode* b) {
        ListNode dummy;
        ListNode* tail = &dummy;
        int carry = 0;
        while (a || b || carry) {
            int s = carry + (a ? a->val : 0) + (b ? b->val : 0);
            tail->next = new ListNode(s % 10);
            tail = tail->next;
            carry = s / 10;
            if (a) a = a->next;
            if (b) b = b->next;
        }
        return dummy.next;
    }
};
