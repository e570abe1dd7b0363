impl Solution {
    pub fn tree_levels(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<Vec<i32>> {
        let mut out = Vec::new();
        let mut level: Vec<Rc<RefCell<TreeNode>>> = root.into_iter().collect();
        while !level.is_empty() {
            let mut values = Vec::new();
            let mut next = Vec::new();
            for n in &level {
                let n = n.borrow();
                values.push(n.val);
                next.extend(n.left.clone());
                next.extend(n.right.clone());
            }
            out.push(values);
            level = next;
        }
        out
    }
}
