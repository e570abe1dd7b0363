function dropFromEnd(head, k) {
    const dummy = new ListNode(0, head);
    let lead = dummy, trail = dummy;
    for (let i = 0; i <= k; i++) lead = lead.next;
    while (lead) { lead = lead.next; trail = trail.next; }
    trail.next = trail.next.next;
    return dummy.next;
}
