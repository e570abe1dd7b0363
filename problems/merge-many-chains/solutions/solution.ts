function mergeManyChains(lists: (ListNode | null)[]): ListNode | null {
    const values: number[] = [];
    for (let node of lists) {
        for (; node; node = node.next) values.push(node.val);
    }
    values.sort((x, y) => x - y);
    const dummy = new ListNode(0);
    let tail = dummy;
    for (const v of values) {
        tail.next = new ListNode(v);
        tail = tail.next;
    }
    return dummy.next;
}
