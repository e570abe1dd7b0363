use std::cmp::Reverse;
use std::collections::BinaryHeap;

impl Solution {
    pub fn merge_many_chains(lists: Vec<Option<Box<ListNode>>>) -> Option<Box<ListNode>> {
        let mut heap = BinaryHeap::new();
        let mut chains: Vec<Option<Box<ListNode>>> = lists;
        for (i, l) in chains.iter().enumerate() {
            if let Some(n) = l {
                heap.push(Reverse((n.val, i)));
            }
        }
        let mut values = Vec::new();
        while let Some(Reverse((v, i))) = heap.pop() {
            values.push(v);
            let next = chains[i].as_mut().and_then(|n| n.next.take());
            if let Some(n) = &next {
                heap.push(Reverse((n.val, i)));
            }
            chains[i] = next;
        }
        let mut head = None;
        for v in values.into_iter().rev() {
            head = Some(Box::new(ListNode { val: v, next: head }));
        }
        head
    }
}
