use crate::{App, AppError};
use rehearse_core::problem::ProblemDetail;
use rehearse_core::starter::starter_code;
use rehearse_core::Language;
use rehearse_store::{Facets, ImportReport, LibraryPage, ProblemQuery};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// The problem view: the problem, the code to open in the editor for a language (the saved
/// draft, or generated starter code), and the hints revealed so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProblemView {
    pub problem: ProblemDetail,
    pub language: Language,
    pub starter_code: String,
    pub draft: Option<String>,
    pub revealed_hints: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HintReveal {
    pub level: u32,
    pub text: String,
    /// Written by the hints role's model for the candidate's code (else the authored hint).
    pub from_model: bool,
    /// Why the authored hint was given although the hints role is on.
    pub note: Option<String>,
}

impl App {
    /// The library, filtered and searched.
    pub fn library(&self, query: &ProblemQuery) -> Result<LibraryPage, AppError> {
        Ok(self.store.list_problems(query)?)
    }

    /// Adds or updates the problems of a pack folder (see docs/problems.md).
    pub fn import_pack(&self, dir: &Path) -> Result<ImportReport, AppError> {
        Ok(self.store.import_pack(dir)?)
    }

    /// The categories and companies the library's filters can offer.
    pub fn facets(&self) -> Result<Facets, AppError> {
        Ok(self.store.facets()?)
    }

    pub fn save_draft(&self, slug: &str, language: Language, code: &str) -> Result<(), AppError> {
        Ok(self.store.save_draft(slug, language, code)?)
    }

    /// Forgets the draft and returns the starter code.
    pub fn reset_draft(&self, slug: &str, language: Language) -> Result<String, AppError> {
        self.store.delete_draft(slug, language)?;
        self.starter(slug, language)
    }

    pub fn problem_view(&self, slug: &str, language: Language) -> Result<ProblemView, AppError> {
        let problem = self.store.problem(slug)?;
        Ok(ProblemView {
            starter_code: self.starter(slug, language)?,
            draft: self.store.draft(slug, language)?,
            revealed_hints: self.store.revealed_hints(slug)?,
            language,
            problem,
        })
    }

    pub fn starter(&self, slug: &str, language: Language) -> Result<String, AppError> {
        Ok(starter_code(&self.store.signature(slug)?, language))
    }

    pub fn reveal_hint(&self, slug: &str, level: u32) -> Result<HintReveal, AppError> {
        let text = self.store.reveal_hint(slug, level)?;
        tracing::info!(slug, level, "hint revealed");
        Ok(HintReveal {
            level,
            text,
            from_model: false,
            note: None,
        })
    }
}

/// Parses a language name as typed by a person (`py`, `c++`, `golang`…).
pub fn language(s: &str) -> Result<Language, AppError> {
    Language::parse(s).ok_or_else(|| AppError::UnknownLanguage(s.to_string()))
}
