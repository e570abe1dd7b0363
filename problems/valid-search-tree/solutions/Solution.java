class Solution {
    public boolean validSearchTree(TreeNode root) {
        return ok(root, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private boolean ok(TreeNode node, long low, long high) {
        if (node == null) return true;
        if (node.val <= low || node.val >= high) return false;
        return ok(node.left, low, node.val) && ok(node.right, node.val, high);
    }
}
