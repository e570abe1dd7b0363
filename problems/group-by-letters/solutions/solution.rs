use std::collections::HashMap;

impl Solution {
    pub fn group_by_letters(words: Vec<String>) -> Vec<Vec<String>> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut groups: Vec<Vec<String>> = Vec::new();
        for w in words {
            let mut key: Vec<char> = w.chars().collect();
            key.sort_unstable();
            let key: String = key.into_iter().collect();
            match index.get(&key) {
                Some(&k) => groups[k].push(w),
                None => {
                    index.insert(key, groups.len());
                    groups.push(vec![w]);
                }
            }
        }
        groups
    }
}
