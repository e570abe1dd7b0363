function validSearchTree(root) {
    const ok = (node, low, high) => !node || (node.val > low && node.val < high && ok(node.left, low, node.val) && ok(node.right, node.val, high));
    return ok(root, -Infinity, Infinity);
}
