use std::collections::VecDeque;

impl Solution {
    pub fn course_plan(courses: i32, prerequisites: Vec<Vec<i32>>) -> bool {
        let n = courses as usize;
        let mut after = vec![Vec::new(); n];
        let mut waiting = vec![0; n];
        for p in &prerequisites {
            after[p[1] as usize].push(p[0] as usize);
            waiting[p[0] as usize] += 1;
        }
        let mut ready: VecDeque<usize> = (0..n).filter(|&i| waiting[i] == 0).collect();
        let mut taken = 0;
        while let Some(c) = ready.pop_front() {
            taken += 1;
            for &d in &after[c] {
                waiting[d] -= 1;
                if waiting[d] == 0 {
                    ready.push_back(d);
                }
            }
        }
        taken == n
    }
}
