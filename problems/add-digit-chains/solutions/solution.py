def add_digit_chains(a, b):
    dummy = tail = ListNode()
    carry = 0
    while a or b or carry:
        s = carry + (a.val if a else 0) + (b.val if b else 0)
        tail.next = ListNode(s % 10)
        tail, carry = tail.next, s // 10
        a = a.next if a else None
        b = b.next if b else None
    return dummy.next
