//! Auto snapshots of one session: at most one every `AUTO_SNAPSHOT_MS`, and the latest code
//! never held back longer than that (code offered too soon waits for the clock's next beat).

use crate::{App, AppError};
use rehearse_core::session::{SnapshotKind, AUTO_SNAPSHOT_MS};

#[derive(Default)]
pub(super) struct Autosave {
    last_write: Option<i64>,
    pending: Option<String>,
}

impl Autosave {
    fn due(&self, now: i64) -> bool {
        self.last_write.is_none_or(|t| now - t >= AUTO_SNAPSHOT_MS)
    }

    /// Offers the editor's code at `now` (Unix ms); writes it if the last write is old enough.
    pub(super) fn offer(
        &mut self,
        app: &App,
        sid: &str,
        code: String,
        now: i64,
    ) -> Result<(), AppError> {
        if !self.due(now) {
            self.pending = Some(code);
            return Ok(());
        }
        self.pending = None;
        self.write(app, sid, code, now)
    }

    /// Writes held-back code whose time has come (all of it when `force`).
    pub(super) fn flush(
        &mut self,
        app: &App,
        sid: &str,
        now: i64,
        force: bool,
    ) -> Result<(), AppError> {
        if !(force || self.due(now)) {
            return Ok(());
        }
        match self.pending.take() {
            Some(code) => self.write(app, sid, code, now),
            None => Ok(()),
        }
    }

    pub(super) fn take_pending(&mut self) -> Option<String> {
        self.pending.take()
    }

    pub(super) fn pending(&self) -> Option<&str> {
        self.pending.as_deref()
    }

    fn write(&mut self, app: &App, sid: &str, code: String, now: i64) -> Result<(), AppError> {
        match app.session_snapshot(sid, &code, SnapshotKind::Auto) {
            Ok(_) | Err(AppError::SessionOver(_)) => {
                self.last_write = Some(now);
                Ok(())
            }
            Err(e) => {
                // Kept for the next beat (a full disk may free up).
                self.pending = Some(code);
                Err(e)
            }
        }
    }
}
