class Solution {
    public boolean identicalTrees(TreeNode a, TreeNode b) {
        if (a == null && b == null) return true;
        if (a == null || b == null || a.val != b.val) return false;
        return identicalTrees(a.left, b.left) && identicalTrees(a.right, b.right);
    }
}
