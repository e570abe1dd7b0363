use std::collections::{HashMap, HashSet};

impl Solution {
    pub fn word_ladder_length(begin: String, end: String, words: Vec<String>) -> i32 {
        if !words.contains(&end) {
            return 0;
        }
        let key = |w: &str, i: usize| format!("{}*{}", &w[..i], &w[i + 1..]);
        let mut buckets: HashMap<String, Vec<String>> = HashMap::new();
        for w in &words {
            for i in 0..w.len() {
                buckets.entry(key(w, i)).or_default().push(w.clone());
            }
        }
        let mut seen: HashSet<String> = HashSet::new();
        seen.insert(begin.clone());
        let mut level = vec![begin];
        let mut steps = 1;
        while !level.is_empty() {
            steps += 1;
            let mut next = Vec::new();
            for w in &level {
                for i in 0..w.len() {
                    if let Some(bucket) = buckets.remove(&key(w, i)) {
                        for v in bucket {
                            if v == end {
                                return steps;
                            }
                            if seen.insert(v.clone()) {
                                next.push(v);
                            }
                        }
                    }
                }
            }
            level = next;
        }
        0
    }
}
