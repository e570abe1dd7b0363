import "container/heap"

type chainHeap []*ListNode

func (h chainHeap) Len() int            { return len(h) }
func (h chainHeap) Less(i, j int) bool  { return h[i].Val < h[j].Val }
func (h chainHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *chainHeap) Push(x interface{}) { *h = append(*h, x.(*ListNode)) }
func (h *chainHeap) Pop() interface{} {
	old := *h
	n := old[len(old)-1]
	*h = old[:len(old)-1]
	return n
}

func mergeManyChains(lists []*ListNode) *ListNode {
	h := &chainHeap{}
	for _, l := range lists {
		if l != nil {
			*h = append(*h, l)
		}
	}
	heap.Init(h)
	dummy := &ListNode{}
	tail := dummy
	for h.Len() > 0 {
		node := heap.Pop(h).(*ListNode)
		tail.Next = node
		tail = node
		if node.Next != nil {
			heap.Push(h, node.Next)
		}
	}
	tail.Next = nil
	return dummy.Next
}
