//! Barge-in: the candidate starts speaking while the interviewer is still being heard.

use crate::ledger::PlaybackLedger;
use crate::openai::RealtimeSender;
use crate::VoiceEvent;

/// Drops the interviewer's unplayed audio and tells the provider how much of the item was
/// heard, so the conversation (and the stored transcript) hold only what was said. Nothing
/// happens when nothing was playing.
pub fn barge_in(ledger: &mut PlaybackLedger, link: &RealtimeSender) -> Option<VoiceEvent> {
    let cut = ledger.flush()?;
    link.truncate(&cut.item_id, cut.played_ms);
    Some(VoiceEvent::Interrupted {
        item_id: cut.item_id,
        played_ms: cut.played_ms,
    })
}
