//! Real speech for audio tests: espeak-ng says a sentence, sox brings it to the wanted rate
//! as mono PCM16; and the energy-envelope correlation the audio tests use to check that
//! speech arrived intact.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `text` spoken by espeak-ng, as a WAV file in `dir` and as mono samples at `rate`.
pub fn say(dir: &Path, text: &str, rate: u32) -> (PathBuf, Vec<i16>) {
    let wav = dir.join(format!("speech-{}.wav", text.len()));
    let ok = Command::new("espeak-ng")
        .args(["-w", &wav.to_string_lossy(), text])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "espeak-ng could not speak (cargo xtask setup installs it)"
    );
    let raw = wav.with_extension("raw");
    let rate = rate.to_string();
    let ok = Command::new("sox")
        .args([&*wav.to_string_lossy(), "-r", &rate, "-c", "1", "-b", "16"])
        .args(["-e", "signed-integer", "-t", "raw", &*raw.to_string_lossy()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "sox could not convert the speech");
    (wav, samples(&std::fs::read(raw).expect("raw speech")))
}

pub fn samples(bytes: &[u8]) -> Vec<i16> {
    bytes
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect()
}

/// RMS per 20 ms window at 24 kHz.
pub fn envelope(s: &[i16]) -> Vec<f64> {
    s.chunks(480)
        .map(|w| (w.iter().map(|&x| f64::from(x).powi(2)).sum::<f64>() / w.len() as f64).sqrt())
        .collect()
}

/// The best Pearson correlation of the source's envelope with the envelope of `got` (both at
/// 24 kHz) at any lag: whole windows, and within a window in 4 ms steps so windows line up.
pub fn best_correlation(source: &[i16], got: &[i16]) -> f64 {
    let reference = envelope(source);
    let n = reference.len();
    (0..480)
        .step_by(96)
        .filter_map(|phase| got.get(phase..))
        .map(|shifted| {
            let env = envelope(shifted);
            (0..env.len().saturating_sub(n / 2))
                .map(|lag| {
                    let g: Vec<f64> = (0..n)
                        .map(|i| env.get(lag + i).copied().unwrap_or(0.0))
                        .collect();
                    pearson(&reference, &g)
                })
                .fold(f64::MIN, f64::max)
        })
        .fold(f64::MIN, f64::max)
}

fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va.sqrt() * vb.sqrt())
    }
}
