def best_path_sum(root) -> int:
    best = root.val
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(c for c in (node.left, node.right) if c)
    gain = {None: 0}
    for node in reversed(order):
        left, right = max(0, gain[node.left]), max(0, gain[node.right])
        best = max(best, node.val + left + right)
        gain[node] = node.val + max(left, right)
    return best
