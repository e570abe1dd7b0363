function kthSmallestInBst(root, k) {
    const stack = [];
    let node = root;
    for (;;) {
        while (node) { stack.push(node); node = node.left; }
        node = stack.pop();
        if (--k === 0) return node.val;
        node = node.right;
    }
}
