//! When a reply may be asked for on an OpenAI Realtime connection. The server refuses a
//! `response.create` while a response is under way (`conversation_already_has_active_response`),
//! and a reply asked for while the candidate speaks would talk over them. Such a reply is
//! owed: asked for when the response ends, or left to the one the server begins itself when
//! the candidate's turn ends (it answers everything said before it).

#[derive(Debug, Default)]
pub(super) struct Floor {
    /// A response is under way (asked for, or begun by the server).
    responding: bool,
    /// A `response.create` of ours has not been answered with `response.created` yet.
    asked: bool,
    /// The candidate is speaking (the server's voice detection).
    speaking: bool,
    /// A reply was asked for when it could not be: it is asked for as soon as it can.
    owed: bool,
}

impl Floor {
    /// A reply is wanted: true when it may be asked for now (and is taken as asked).
    pub(super) fn ask(&mut self) -> bool {
        if self.responding || self.speaking {
            self.owed = true;
            return false;
        }
        self.take();
        true
    }

    /// A server event of this `kind`: true when the reply owed is to be asked for now.
    pub(super) fn heard(&mut self, kind: &str) -> bool {
        match kind {
            "input_audio_buffer.speech_started" => self.speaking = true,
            "input_audio_buffer.speech_stopped" => self.speaking = false,
            "response.created" => {
                if !self.asked {
                    self.owed = false;
                }
                self.asked = false;
                self.responding = true;
            }
            "response.done" => {
                self.responding = false;
                return self.settle();
            }
            // Our request was refused: no response is coming for it.
            "error" if self.asked => {
                self.asked = false;
                self.responding = false;
                return self.settle();
            }
            _ => {}
        }
        false
    }

    fn settle(&mut self) -> bool {
        if self.owed && !self.speaking {
            self.take();
            return true;
        }
        false
    }

    fn take(&mut self) {
        self.owed = false;
        self.responding = true;
        self.asked = true;
    }
}

#[cfg(test)]
mod tests {
    use super::Floor;

    #[test]
    fn a_reply_waits_for_the_response_under_way_and_for_the_candidate() {
        let mut f = Floor::default();
        assert!(f.ask(), "nothing under way: at once");
        assert!(!f.ask(), "ours is under way: owed");
        assert!(!f.heard("response.created"), "ours began; still owed");
        assert!(f.heard("response.done"), "then asked for");
        assert!(!f.heard("response.created"));
        assert!(!f.heard("response.done"), "nothing owed any more");

        assert!(!f.heard("input_audio_buffer.speech_started"));
        assert!(!f.ask(), "not over the candidate");
        assert!(!f.heard("input_audio_buffer.speech_stopped"));
        assert!(
            !f.heard("response.created"),
            "the server's own reply to the turn"
        );
        assert!(!f.heard("response.done"), "it answered what was owed");

        assert!(f.ask());
        assert!(!f.ask());
        assert!(f.heard("error"), "ours was refused: the owed one goes");
        assert!(!f.heard("error"), "an error about something else");
    }
}
