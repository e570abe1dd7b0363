def drop_from_end(head, k: int):
    dummy = ListNode(0, head)
    lead = trail = dummy
    for _ in range(k + 1):
        lead = lead.next
    while lead:
        lead, trail = lead.next, trail.next
    trail.next = trail.next.next
    return dummy.next
