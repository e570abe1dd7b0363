function addDigitChains(a: ListNode | null, b: ListNode | null): ListNode | null {
    const dummy = new ListNode(0);
    let tail = dummy;
    let carry = 0;
    while (a || b || carry) {
        const s = carry + (a ? a.val : 0) + (b ? b.val : 0);
        tail.next = new ListNode(s % 10);
        tail = tail.next;
        carry = Math.floor(s / 10);
        a = a ? a.next : null;
        b = b ? b.next : null;
    }
    return dummy.next;
}
