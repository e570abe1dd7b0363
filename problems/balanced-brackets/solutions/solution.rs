impl Solution {
    pub fn balanced_brackets(s: String) -> bool {
        let mut stack = Vec::new();
        for c in s.chars() {
            let open = match c {
                ')' => '(',
                ']' => '[',
                '}' => '{',
                _ => {
                    stack.push(c);
                    continue;
                }
            };
            if stack.pop() != Some(open) {
                return false;
            }
        }
        stack.is_empty()
    }
}
