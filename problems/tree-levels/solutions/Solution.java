import java.util.*;

class Solution {
    public int[][] treeLevels(TreeNode root) {
        List<int[]> out = new ArrayList<>();
        List<TreeNode> level = new ArrayList<>();
        if (root != null) level.add(root);
        while (!level.isEmpty()) {
            int[] vals = new int[level.size()];
            List<TreeNode> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                TreeNode n = level.get(i);
                vals[i] = n.val;
                if (n.left != null) next.add(n.left);
                if (n.right != null) next.add(n.right);
            }
            out.add(vals);
            level = next;
        }
        return out.toArray(new int[0][]);
    }
}
