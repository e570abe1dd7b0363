function identicalTrees(a, b) {
    if (!a && !b) return true;
    if (!a || !b || a.val !== b.val) return false;
    return identicalTrees(a.left, b.left) && identicalTrees(a.right, b.right);
}
