class Solution {
public:
    vector<vector<int>> treeLevels(TreeNode* root) {
        vector<vector<int>> out;
        vector<TreeNode*> level;
        if (root) level.push_back(root);
        while (!level.empty()) {
            vector<int> values;
            vector<TreeNode*> next;
            for (TreeNode* n : level) {
                values.push_back(n->val);
                if (n->left) next.push_back(n->left);
                if (n->right) next.push_back(n->right);
            }
            out.push_back(values);
            level = next;
        }
        return out;
    }
};
