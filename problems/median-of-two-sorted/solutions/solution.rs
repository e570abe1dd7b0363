impl Solution {
    pub fn median_of_two_sorted(a: Vec<i32>, b: Vec<i32>) -> f64 {
        let (a, b) = if a.len() > b.len() { (b, a) } else { (a, b) };
        let (n, m) = (a.len() as i64, b.len() as i64);
        let half = (n + m + 1) / 2;
        let (mut lo, mut hi) = (0i64, n);
        let at = |s: &Vec<i32>, k: i64| -> f64 {
            if k < 0 {
                f64::NEG_INFINITY
            } else if k >= s.len() as i64 {
                f64::INFINITY
            } else {
                s[k as usize] as f64
            }
        };
        loop {
            let i = (lo + hi) / 2;
            let j = half - i;
            let (al, ar, bl, br) = (at(&a, i - 1), at(&a, i), at(&b, j - 1), at(&b, j));
            if al <= br && bl <= ar {
                let left = al.max(bl);
                if (n + m) % 2 == 1 {
                    return left;
                }
                return (left + ar.min(br)) / 2.0;
            }
            if al > br {
                hi = i - 1;
            } else {
                lo = i + 1;
            }
        }
    }
}
