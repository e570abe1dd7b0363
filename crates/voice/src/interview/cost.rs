//! A running cost estimate from the usage the provider reports, priced per million tokens.
//! Prices change; the table is the default and config.toml's `[providers.<id>.prices]`
//! overrides it.

use crate::Usage;
use serde::{Deserialize, Serialize};

/// US dollars per million tokens.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prices {
    pub audio_in: f64,
    pub audio_out: f64,
    pub text_in: f64,
    pub text_out: f64,
}

impl Prices {
    /// OpenAI's gpt-realtime list prices.
    pub const OPENAI: Prices = Prices {
        audio_in: 32.0,
        audio_out: 64.0,
        text_in: 4.0,
        text_out: 16.0,
    };
    /// Gemini Live (native audio) list prices.
    pub const GEMINI: Prices = Prices {
        audio_in: 3.0,
        audio_out: 12.0,
        text_in: 0.5,
        text_out: 2.0,
    };

    pub fn cost(&self, u: &Usage) -> f64 {
        let text_in = u.input_tokens.saturating_sub(u.input_audio_tokens);
        let text_out = u.output_tokens.saturating_sub(u.output_audio_tokens);
        (u.input_audio_tokens as f64 * self.audio_in
            + u.output_audio_tokens as f64 * self.audio_out
            + text_in as f64 * self.text_in
            + text_out as f64 * self.text_out)
            / 1_000_000.0
    }
}

impl Usage {
    pub fn add(&mut self, other: &Usage) {
        self.input_tokens += other.input_tokens;
        self.output_tokens += other.output_tokens;
        self.input_audio_tokens += other.input_audio_tokens;
        self.output_audio_tokens += other.output_audio_tokens;
    }
}
