function flipTree(root) {
    if (!root) return null;
    [root.left, root.right] = [flipTree(root.right), flipTree(root.left)];
    return root;
}
