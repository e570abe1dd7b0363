//! The room on screen: a window shows one live session at a time, so entering another
//! session's room closes the one before (its code saved, its interviewer stopped).

use super::{Room, RoomUpdate, Show};
use crate::{App, AppError};
use std::sync::{Arc, Mutex};

pub struct Lobby {
    app: App,
    show: Show,
    current: Mutex<Option<Room>>,
}

impl Lobby {
    /// Every room entered tells `show` what happens in it.
    pub fn new(app: App, show: impl Fn(RoomUpdate) + Send + Sync + 'static) -> Lobby {
        Lobby {
            app,
            show: Arc::new(show),
            current: Mutex::new(None),
        }
    }

    /// The open room of session `sid`, entering it if needed: its clock then runs. Call from
    /// within a Tokio runtime.
    pub fn enter(&self, sid: &str) -> Result<Room, AppError> {
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        // The same session's room, even closed (ending, or ended): a second room would run a
        // second clock on it.
        if let Some(room) = current.as_ref().filter(|r| r.id() == sid) {
            return Ok(room.clone());
        }
        let room = Room::open_shown(&self.app, sid, self.show.clone())?;
        if room.is_open() {
            room.start();
        }
        if let Some(old) = current.replace(room.clone()) {
            if old.id() != sid {
                old.close();
            }
        }
        Ok(room)
    }
}
