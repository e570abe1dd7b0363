impl Solution {
    pub fn flip_tree(root: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> {
        let mut stack = vec![root.clone()];
        while let Some(node) = stack.pop() {
            if let Some(n) = node {
                let mut n = n.borrow_mut();
                let left = n.left.take();
                n.left = n.right.take();
                n.right = left;
                stack.push(n.left.clone());
                stack.push(n.right.clone());
            }
        }
        root
    }
}
