def tree_height(root) -> int:
    if root is None:
        return 0
    depth, level = 0, [root]
    while level:
        depth += 1
        level = [c for n in level for c in (n.left, n.right) if c]
    return depth
