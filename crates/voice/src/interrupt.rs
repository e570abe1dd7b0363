//! Barge-in: the candidate starts speaking while the interviewer is still being heard.

use crate::ledger::Cut;
use crate::link::Link;
use crate::VoiceEvent;

/// Given what a flush of the playback stopped, tells the provider how much of the item was
/// heard, so the conversation (and the stored transcript) hold only what was said. Nothing
/// happens when nothing was playing.
pub fn barge_in(cut: Option<Cut>, link: &dyn Link) -> Option<VoiceEvent> {
    let cut = cut?;
    link.truncate(&cut.item_id, cut.played_ms);
    Some(VoiceEvent::Interrupted {
        item_id: cut.item_id,
        played_ms: cut.played_ms,
    })
}
