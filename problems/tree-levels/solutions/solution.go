func treeLevels(root *TreeNode) [][]int {
	out := [][]int{}
	level := []*TreeNode{}
	if root != nil {
		level = append(level, root)
	}
	for len(level) > 0 {
		values := []int{}
		next := []*TreeNode{}
		for _, n := range level {
			values = append(values, n.Val)
			if n.Left != nil {
				next = append(next, n.Left)
			}
			if n.Right != nil {
				next = append(next, n.Right)
			}
		}
		out = append(out, values)
		level = next
	}
	return out
}
