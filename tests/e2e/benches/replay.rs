//! Replay step latency in the window (`cargo xtask bench history`): the newest session of the
//! seeded history has 1,000 code snapshots; each step (the → key, or a jump of the slider) is
//! timed in the page from the input until the frame showing it was painted.

use rehearse_e2e::Session;
use serde_json::json;

/// Steps `arguments[0]` times with `arguments[1]` ("key" or "slider") and returns each step's
/// milliseconds from the input to after the next paint.
const STEPS: &str = r#"
const [n, how, done] = arguments;
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const slider = document.querySelector('[data-testid=replay-slider]');
const max = Number(slider.max);
(async () => {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    if (how === "key") {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    } else {
      slider.value = String(Math.floor(Math.random() * max));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await painted();
    times.push(performance.now() - t);
  }
  done(times);
})();
"#;

fn report(label: &str, v: &serde_json::Value) {
    let mut ms: Vec<f64> = v
        .as_array()
        .expect("step times")
        .iter()
        .filter_map(serde_json::Value::as_f64)
        .collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() as f64 * q).ceil() as usize).clamp(1, ms.len()) - 1];
    println!(
        "{label:<40} n={:<4} p50 {:>6.1} ms  p95 {:>6.1} ms  max {:>6.1} ms",
        ms.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}

fn main() {
    let s = Session::start();
    s.find("[data-testid=nav-history]").click();
    s.find("[data-testid=session-row] td.title").click();
    s.find("[data-testid=open-replay]").click();
    let entries = s.wait_all("[data-testid=timeline-entry]", 1000).len();
    println!("replay of a session with {entries} moments");
    s.script(
        "const el = document.querySelector('[data-testid=replay-slider]'); el.value = 0; el.dispatchEvent(new Event('input', {bubbles: true}));",
        json!([]),
    );
    report(
        "step with the → key",
        &s.script_async(STEPS, json!([200, "key"])),
    );
    report(
        "jump with the slider",
        &s.script_async(STEPS, json!([100, "slider"])),
    );
    s.quit();
}
