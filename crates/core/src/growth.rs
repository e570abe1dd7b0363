//! How running time grows with input size: the classes a problem's target is stated in, and
//! fitting measured times to one of them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Growth {
    Constant,
    Log,
    Linear,
    Linearithmic,
    Quadratic,
    /// Faster than n² (n³, 2ⁿ, …).
    Worse,
}

impl Growth {
    pub fn label(self) -> &'static str {
        match self {
            Growth::Constant => "O(1)",
            Growth::Log => "O(log n)",
            Growth::Linear => "O(n)",
            Growth::Linearithmic => "O(n log n)",
            Growth::Quadratic => "O(n²)",
            Growth::Worse => "worse than O(n²)",
        }
    }

    pub fn rank(self) -> u32 {
        self as u32
    }

    /// `1`, `log n`, `n`, `n log n`, `n^2` (as written in problem.toml's `[scaling] expect`).
    pub fn parse(s: &str) -> Option<Growth> {
        match s.trim() {
            "1" => Some(Growth::Constant),
            "log n" => Some(Growth::Log),
            "n" => Some(Growth::Linear),
            "n log n" => Some(Growth::Linearithmic),
            "n^2" => Some(Growth::Quadratic),
            _ => None,
        }
    }

    fn model(self, n: f64) -> f64 {
        match self {
            Growth::Constant => 1.0,
            Growth::Log => n.ln().max(1.0),
            Growth::Linear => n,
            Growth::Linearithmic => n * n.ln().max(1.0),
            Growth::Quadratic => n * n,
            Growth::Worse => n * n * n,
        }
    }
}

/// The class whose shape best explains `points` (size, milliseconds): each model `a·f(n) + c`
/// is fitted with `c ≥ 0` absorbing fixed overhead, and the one with the
/// smallest relative error wins; a more complex class must halve the error of a simpler one
/// (n and n log n differ little over a 16× range of sizes).
pub fn fit(points: &[(f64, f64)]) -> Option<Growth> {
    if points.len() < 3 {
        return None;
    }
    let classes = [
        Growth::Constant,
        Growth::Log,
        Growth::Linear,
        Growth::Linearithmic,
        Growth::Quadratic,
        Growth::Worse,
    ];
    let mut best: Option<(Growth, f64)> = None;
    for g in classes {
        let err = relative_error(points, g);
        match best {
            Some((_, e)) if err >= e * 0.5 => {}
            _ => best = Some((g, err)),
        }
    }
    best.map(|(g, _)| g)
}

/// Mean squared relative error of the best `a·f(n) + c` (a, c ≥ 0), fitted by least squares
/// weighted by 1/t² so that every size counts alike, whatever its time.
fn relative_error(points: &[(f64, f64)], g: Growth) -> f64 {
    let xs: Vec<f64> = points.iter().map(|(n, _)| g.model(*n)).collect();
    let ys: Vec<f64> = points.iter().map(|(_, t)| t.max(1e-6)).collect();
    let w: Vec<f64> = ys.iter().map(|y| 1.0 / (y * y)).collect();
    let sum = |f: &dyn Fn(usize) -> f64| (0..xs.len()).map(f).sum::<f64>();
    let sw = sum(&|i| w[i]);
    let swx = sum(&|i| w[i] * xs[i]);
    let swy = sum(&|i| w[i] * ys[i]);
    let swxx = sum(&|i| w[i] * xs[i] * xs[i]);
    let swxy = sum(&|i| w[i] * xs[i] * ys[i]);
    let den = sw * swxx - swx * swx;
    let mut a = if den.abs() > f64::MIN_POSITIVE {
        (sw * swxy - swx * swy) / den
    } else {
        0.0
    };
    let mut c = (swy - a * swx) / sw;
    if a < 0.0 {
        a = 0.0;
        c = swy / sw;
    }
    if c < 0.0 {
        c = 0.0;
        a = if swxx > 0.0 { swxy / swxx } else { 0.0 };
    }
    sum(&|i| ((a * xs[i] + c - ys[i]) / ys[i]).powi(2)) / xs.len() as f64
}
