func addDigitChains(a *ListNode, b *ListNode) *ListNode {
	dummy := &ListNode{}
	tail := dummy
	carry := 0
	for a != nil || b != nil || carry != 0 {
		s := carry
		if a != nil {
			s += a.Val
			a = a.Next
		}
		if b != nil {
			s += b.Val
			b = b.Next
		}
		tail.Next = &ListNode{Val: s % 10}
		tail = tail.Next
		carry = s / 10
	}
	return dummy.Next
}
