impl Solution {
    pub fn add_digit_chains(a: Option<Box<ListNode>>, b: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let (mut a, mut b) = (a, b);
        let mut digits = Vec::new();
        let mut carry = 0;
        while a.is_some() || b.is_some() || carry != 0 {
            let mut s = carry;
            if let Some(n) = a {
                s += n.val;
                a = n.next;
            }
            if let Some(n) = b {
                s += n.val;
                b = n.next;
            }
            digits.push(s % 10);
            carry = s / 10;
        }
        let mut head = None;
        for d in digits.into_iter().rev() {
            head = Some(Box::new(ListNode { val: d, next: head }));
        }
        head
    }
}
