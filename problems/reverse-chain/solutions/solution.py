def reverse_chain(head: "ListNode | None") -> "ListNode | None":
    prev = None
    while head:
        head.next, prev, head = prev, head, head.next
    return prev
