//! Data rights: export sessions (JSON plus the code files, as a zip), and transcript lines —
//! redacted before they are stored, deleted after the retention period.

use crate::{App, AppError};
use rehearse_core::session::{redact, Speaker};
use rehearse_core::{now_ms, Language};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExportSummary {
    pub path: String,
    pub sessions: u32,
    pub files: u32,
}

impl App {
    /// Writes `ids` (every session when empty) to a zip at `dest`: per session a
    /// `session.json` (session, timeline, snapshots, runs, hints, transcript, evaluations), a
    /// `report.md`, and each code snapshot as a file.
    pub fn export_sessions(&self, ids: &[String], dest: &Path) -> Result<ExportSummary, AppError> {
        let ids: Vec<String> = if ids.is_empty() {
            self.store
                .sessions(&Default::default())?
                .into_iter()
                .map(|s| s.id)
                .collect()
        } else {
            ids.to_vec()
        };
        let fail = |e: &dyn std::fmt::Display| {
            AppError::InvalidInput(format!("cannot write {}: {e}", dest.display()))
        };
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
        }
        let tmp = dest.with_extension("zip.partial");
        let file = std::fs::File::create(&tmp).map_err(|e| fail(&e))?;
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut files = 0u32;
        for id in &ids {
            let session = self.store.session(id)?;
            let snapshots = self.store.snapshots(id)?;
            let evaluations = self.store.evaluations(id)?;
            let doc = serde_json::json!({
                "format": "rehearse-session-export/1",
                "session": session,
                "timeline": self.store.timeline(id)?,
                "snapshots": snapshots.iter().map(|s| serde_json::json!({"id": s.id, "at_ms": s.at_ms, "kind": s.kind, "language": s.language, "file": code_file(s.at_ms, &s.id, s.language)})).collect::<Vec<_>>(),
                "runs": self.store.session_runs(id)?,
                "hints": self.store.session_hints(id)?.into_iter().map(|(h, text)| serde_json::json!({"level": h.level, "at_ms": h.at_ms, "text": text})).collect::<Vec<_>>(),
                "transcript": self.store.transcript(id)?,
                "evaluations": evaluations,
            });
            let mut put = |name: String, bytes: &[u8]| -> Result<(), AppError> {
                zip.start_file(format!("sessions/{id}/{name}"), options)
                    .map_err(|e| fail(&e))?;
                zip.write_all(bytes).map_err(|e| fail(&e))?;
                files += 1;
                Ok(())
            };
            put(
                "session.json".into(),
                serde_json::to_string_pretty(&doc)
                    .unwrap_or_default()
                    .as_bytes(),
            )?;
            if let Some(ev) = evaluations.first() {
                put("report.md".into(), ev.markdown.as_bytes())?;
            }
            for s in &snapshots {
                put(
                    format!("code/{}", code_file(s.at_ms, &s.id, s.language)),
                    s.code.as_bytes(),
                )?;
            }
        }
        zip.finish().map_err(|e| fail(&e))?;
        std::fs::rename(&tmp, dest).map_err(|e| fail(&e))?;
        Ok(ExportSummary {
            path: dest.display().to_string(),
            sessions: u32::try_from(ids.len()).unwrap_or(u32::MAX),
            files,
        })
    }

    /// Where the app puts exports: `<data>/exports/rehearse-<what>-<time>.zip`.
    pub fn export_path(&self, what: &str) -> std::path::PathBuf {
        self.paths
            .data_dir
            .join("exports")
            .join(format!("rehearse-{what}-{}.zip", now_ms()))
    }

    /// Adds a transcript line to a session, with e-mail addresses and phone numbers redacted.
    pub fn session_say(&self, sid: &str, speaker: Speaker, text: &str) -> Result<String, AppError> {
        let s = self.store.session(sid)?;
        Ok(self
            .store
            .add_transcript(sid, s.elapsed_ms(now_ms()), speaker, &redact(text))?)
    }

    /// Deletes transcript lines older than the retention setting (run at start).
    pub fn purge_old_transcripts(&self) -> Result<usize, AppError> {
        let days = i64::from(self.store.settings()?.transcript_retention_days);
        Ok(self.store.purge_transcripts(now_ms() - days * 86_400_000)?)
    }
}

/// `000412-3f2a.py`: the snapshot's moment (seconds) and id, with the language's extension.
fn code_file(at_ms: i64, id: &str, lang: Language) -> String {
    format!(
        "{:06}-{}.{}",
        at_ms / 1000,
        &id[id.len().saturating_sub(8)..],
        lang.extension()
    )
}
