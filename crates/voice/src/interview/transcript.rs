//! The interviewer's lines are kept until the candidate has heard them: a reply is written to
//! the transcript once its text is complete and its audio has played, or — when the candidate
//! interrupted — cut to the share of its words that was heard. Audio of a cut item that still
//! arrives is dropped, never played.

use std::collections::HashSet;

#[derive(Debug)]
struct Reply {
    item_id: String,
    text: String,
    done: bool,
    /// The connection dropped before the text was complete.
    cut_short: bool,
    audio_ms: u64,
}

/// A line ready for the transcript.
#[derive(Debug, Clone, PartialEq)]
pub struct Heard {
    pub text: String,
    /// Cut short by an interruption (or a lost connection).
    pub truncated: bool,
}

#[derive(Debug, Default)]
pub struct Replies {
    open: Vec<Reply>,
    closed: HashSet<String>,
}

impl Replies {
    fn reply(&mut self, item_id: &str) -> Option<&mut Reply> {
        if self.closed.contains(item_id) {
            return None;
        }
        if let Some(i) = self.open.iter().position(|r| r.item_id == item_id) {
            return Some(&mut self.open[i]);
        }
        self.open.push(Reply {
            item_id: item_id.into(),
            text: String::new(),
            done: false,
            cut_short: false,
            audio_ms: 0,
        });
        self.open.last_mut()
    }

    /// Audio of `item_id` arrived; false if the item was cut and the audio must be dropped.
    pub fn audio(&mut self, item_id: &str, ms: u64) -> bool {
        self.reply(item_id).map(|r| r.audio_ms += ms).is_some()
    }

    /// Text of `item_id`: a delta, or the whole transcript when `done`. Returns the text so
    /// far, for the live view.
    pub fn text(&mut self, item_id: &str, text: &str, done: bool) -> Option<String> {
        let r = self.reply(item_id)?;
        if done {
            r.text = text.to_string();
            r.done = true;
        } else {
            r.text.push_str(text);
        }
        Some(r.text.clone())
    }

    /// Lines now complete: `played_ms(item)` says how much of an item was heard (None once
    /// it finished and was forgotten by the playback).
    pub fn heard(&mut self, played_ms: impl Fn(&str) -> Option<u64>) -> Vec<Heard> {
        let mut out = Vec::new();
        while let Some(r) = self.open.first() {
            let played = played_ms(&r.item_id).unwrap_or(r.audio_ms);
            if !(r.done && played + 20 >= r.audio_ms) {
                break;
            }
            let r = self.open.remove(0);
            self.closed.insert(r.item_id);
            if !r.text.trim().is_empty() {
                out.push(Heard {
                    text: r.text.trim().to_string(),
                    truncated: r.cut_short,
                });
            }
        }
        out
    }

    /// Replies whose text is complete but whose audio is still playing.
    pub fn still_playing(&self) -> impl Iterator<Item = &str> {
        self.open.iter().filter(|r| r.done).map(|r| r.text.as_str())
    }

    /// The connection dropped: replies keep the text they have and end once their audio,
    /// already here, has played.
    pub fn dropped(&mut self) {
        for r in self.open.iter_mut().filter(|r| !r.done) {
            r.done = true;
            r.cut_short = true;
            if !r.text.trim().is_empty() {
                r.text = format!("{} …", r.text.trim());
            }
        }
    }

    /// The candidate cut `item_id` after `played_ms`: its line keeps the words heard.
    pub fn cut(&mut self, item_id: &str, played_ms: u64) -> Option<Heard> {
        let i = self.open.iter().position(|r| r.item_id == item_id)?;
        let r = self.open.remove(i);
        self.closed.insert(r.item_id.clone());
        partial(&r, played_ms)
    }

    /// Everything still open, as heard so far (the connection dropped or the interview ended).
    pub fn close_all(&mut self, played_ms: impl Fn(&str) -> Option<u64>) -> Vec<Heard> {
        let mut out = self.heard(&played_ms);
        for r in std::mem::take(&mut self.open) {
            let played = played_ms(&r.item_id).unwrap_or(r.audio_ms);
            self.closed.insert(r.item_id.clone());
            if played + 20 >= r.audio_ms && r.done {
                out.push(Heard {
                    text: r.text.trim().to_string(),
                    truncated: false,
                });
            } else if let Some(h) = partial(&r, played) {
                out.push(h);
            }
        }
        out
    }
}

fn partial(r: &Reply, played_ms: u64) -> Option<Heard> {
    let text = share(&r.text, played_ms, r.audio_ms);
    (!text.is_empty()).then(|| Heard {
        text: format!("{text} …"),
        truncated: true,
    })
}

/// The first words of `text` in proportion to the audio heard (speech runs at a near-even
/// pace, and the provider gives no word timings).
pub fn share(text: &str, heard_ms: u64, total_ms: u64) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if total_ms == 0 || heard_ms >= total_ms {
        return words.join(" ");
    }
    let n = (words.len() as u64 * heard_ms).div_ceil(total_ms) as usize;
    words[..n.min(words.len())].join(" ")
}
