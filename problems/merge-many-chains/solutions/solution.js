function mergeManyChains(lists) {
    const merge = (a, b) => {
        const dummy = new ListNode(0);
        let t = dummy;
        while (a && b) { if (a.val <= b.val) { t.next = a; a = a.next; } else { t.next = b; b = b.next; } t = t.next; }
        t.next = a || b;
        return dummy.next;
    };
    let items = lists.slice();
    if (!items.length) return null;
    while (items.length > 1) {
        const next = [];
        for (let i = 0; i < items.length; i += 2) next.push(i + 1 < items.length ? merge(items[i], items[i + 1]) : items[i]);
        items = next;
    }
    return items[0];
}
