//! What of the interviewer's audio was actually played. Replies are queued item by item; the
//! audio output reports the samples it consumed; an interruption flushes what is left and says
//! how many milliseconds of the current item the candidate heard (the `audio_end_ms` of
//! OpenAI's truncate, and the cut-off point of the stored transcript).

use crate::pcm;
use std::collections::VecDeque;
use std::time::Instant;

#[derive(Debug)]
struct Item {
    id: String,
    queued: usize,
    played: usize,
}

#[derive(Debug)]
pub struct PlaybackLedger {
    rate: u32,
    items: VecDeque<Item>,
    started: Option<(String, Instant)>,
}

/// The item playing when playback was flushed, and how much of it was heard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    pub item_id: String,
    pub played_ms: u64,
}

impl PlaybackLedger {
    pub fn new(rate: u32) -> PlaybackLedger {
        PlaybackLedger {
            rate,
            items: VecDeque::new(),
            started: None,
        }
    }

    /// `samples` more of `item_id` were queued for playback.
    pub fn queued(&mut self, item_id: &str, samples: usize) {
        match self.items.back_mut() {
            Some(last) if last.id == item_id => last.queued += samples,
            _ => self.items.push_back(Item {
                id: item_id.into(),
                queued: samples,
                played: 0,
            }),
        }
    }

    /// The output consumed `samples` more, in queue order. Fully played items before the last
    /// are forgotten.
    pub fn played(&mut self, mut samples: usize) {
        while samples > 0 {
            let Some(item) = self.items.front_mut() else {
                return;
            };
            let take = samples.min(item.queued - item.played);
            if item.played == 0 && take > 0 {
                self.started = Some((item.id.clone(), Instant::now()));
            }
            item.played += take;
            samples -= take;
            if item.played == item.queued && self.items.len() > 1 {
                self.items.pop_front();
            } else if take == 0 {
                return;
            }
        }
    }

    /// The item that most recently began to be heard, and when.
    pub fn last_started(&self) -> Option<&(String, Instant)> {
        self.started.as_ref()
    }

    /// Audio still waiting to be heard.
    pub fn pending_ms(&self) -> u64 {
        pcm::ms(
            self.items.iter().map(|i| i.queued - i.played).sum(),
            self.rate,
        )
    }

    pub fn is_playing(&self) -> bool {
        self.items.iter().any(|i| i.played < i.queued)
    }

    /// Milliseconds of `item_id` heard so far.
    pub fn played_ms(&self, item_id: &str) -> Option<u64> {
        self.items
            .iter()
            .find(|i| i.id == item_id)
            .map(|i| pcm::ms(i.played, self.rate))
    }

    /// Drops everything not yet heard; returns the item that was playing and what of it was
    /// heard, if any audio was still pending.
    pub fn flush(&mut self) -> Option<Cut> {
        let playing = self
            .items
            .iter()
            .find(|i| i.played < i.queued)
            .map(|i| Cut {
                item_id: i.id.clone(),
                played_ms: pcm::ms(i.played, self.rate),
            });
        self.items.clear();
        playing
    }
}
