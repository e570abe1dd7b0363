//! Practice state outside interviews: drafts per problem and language, revealed hints, settings.

use crate::db::Store;
use crate::error::{Result, StoreError};
use crate::problems::not_found;
use rehearse_core::settings::Settings;
use rehearse_core::Language;
use rusqlite::{params, OptionalExtension};

/// The largest draft accepted, so a runaway paste cannot bloat the database.
pub const MAX_DRAFT_BYTES: usize = 256 * 1024;

impl Store {
    pub fn draft(&self, slug: &str, lang: Language) -> Result<Option<String>> {
        self.with(|c| {
            Ok(c.query_row(
                "SELECT code FROM drafts WHERE problem_slug = ?1 AND language = ?2",
                params![slug, lang.id()],
                |r| r.get(0),
            )
            .optional()?)
        })
    }

    pub fn save_draft(&self, slug: &str, lang: Language, code: &str) -> Result<()> {
        if code.len() > MAX_DRAFT_BYTES {
            return Err(StoreError::Invalid(format!(
                "The draft is {} KiB; drafts are limited to {} KiB. Remove some code and it will save again.",
                code.len() / 1024,
                MAX_DRAFT_BYTES / 1024
            )));
        }
        self.with(|c| {
            c.execute(
                "INSERT INTO drafts (problem_slug, language, code, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (problem_slug, language) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at",
                params![slug, lang.id(), code, rehearse_core::now_ms()],
            )?;
            Ok(())
        })
    }

    pub fn delete_draft(&self, slug: &str, lang: Language) -> Result<()> {
        self.with(|c| {
            c.execute(
                "DELETE FROM drafts WHERE problem_slug = ?1 AND language = ?2",
                params![slug, lang.id()],
            )?;
            Ok(())
        })
    }

    /// The hints revealed so far for a problem (outside any session), in order.
    pub fn revealed_hints(&self, slug: &str) -> Result<Vec<String>> {
        self.with(|c| {
            let hints: Option<String> =
                c.query_row("SELECT hints FROM problems WHERE slug = ?1", [slug], |r| r.get(0)).optional()?;
            let hints: Vec<String> = serde_json::from_str(&hints.ok_or_else(|| not_found(slug))?)
                .map_err(|e| StoreError::Invalid(format!("stored hints are unreadable: {e}")))?;
            let level: u32 = c.query_row(
                "SELECT COALESCE(MAX(level), 0) FROM hint_reveals WHERE problem_slug = ?1 AND session_id IS NULL",
                [slug],
                |r| r.get(0),
            )?;
            Ok(hints.into_iter().take(level as usize).collect())
        })
    }

    /// Reveals hint `level` (1-based; one level at a time), records when, and returns its text.
    pub fn reveal_hint(&self, slug: &str, level: u32) -> Result<String> {
        let shown = self.revealed_hints(slug)?;
        let shown_count = u32::try_from(shown.len()).unwrap_or(u32::MAX);
        if let Some(text) = level.checked_sub(1).and_then(|i| shown.get(i as usize)) {
            return Ok(text.clone());
        }
        if level != shown_count + 1 {
            return Err(StoreError::HintLocked {
                expected: shown_count + 1,
            });
        }
        self.with(|c| {
            let hints: String =
                c.query_row("SELECT hints FROM problems WHERE slug = ?1", [slug], |r| {
                    r.get(0)
                })?;
            let hints: Vec<String> =
                serde_json::from_str(&hints).map_err(|e| StoreError::Invalid(e.to_string()))?;
            let text = hints.get(level as usize - 1).cloned().ok_or_else(|| {
                StoreError::Invalid(format!("This problem has {} hints.", hints.len()))
            })?;
            c.execute(
                "INSERT INTO hint_reveals (problem_slug, level, revealed_at) VALUES (?1, ?2, ?3)",
                params![slug, level, rehearse_core::now_ms()],
            )?;
            Ok(text)
        })
    }

    pub fn settings(&self) -> Result<Settings> {
        self.with(|c| {
            let text: Option<String> = c
                .query_row("SELECT value FROM settings WHERE key = 'app'", [], |r| {
                    r.get(0)
                })
                .optional()?;
            Ok(text
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or_default())
        })
    }

    pub fn save_settings(&self, s: &Settings) -> Result<()> {
        let value = serde_json::to_string(s).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.with(|c| {
            c.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES ('app', ?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                params![value, rehearse_core::now_ms()],
            )?;
            Ok(())
        })
    }
}
