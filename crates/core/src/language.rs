use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language the candidate can write in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Python,
    Javascript,
    Typescript,
    Java,
    Cpp,
    Go,
    Rust,
}

impl Language {
    pub const ALL: [Language; 7] = [
        Language::Python,
        Language::Javascript,
        Language::Typescript,
        Language::Java,
        Language::Cpp,
        Language::Go,
        Language::Rust,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::Javascript => "javascript",
            Language::Typescript => "typescript",
            Language::Java => "java",
            Language::Cpp => "cpp",
            Language::Go => "go",
            Language::Rust => "rust",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            Language::Python => "Python 3",
            Language::Javascript => "JavaScript",
            Language::Typescript => "TypeScript",
            Language::Java => "Java",
            Language::Cpp => "C++",
            Language::Go => "Go",
            Language::Rust => "Rust",
        }
    }

    /// File extension of a source file, also used to name reference solutions.
    pub fn extension(self) -> &'static str {
        match self {
            Language::Python => "py",
            Language::Javascript => "js",
            Language::Typescript => "ts",
            Language::Java => "java",
            Language::Cpp => "cpp",
            Language::Go => "go",
            Language::Rust => "rs",
        }
    }

    pub fn from_extension(ext: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.extension() == ext)
    }

    pub fn parse(s: &str) -> Option<Language> {
        let s = s.to_ascii_lowercase();
        Language::ALL
            .into_iter()
            .find(|l| l.id() == s)
            .or(match s.as_str() {
                "py" | "python3" => Some(Language::Python),
                "js" | "node" => Some(Language::Javascript),
                "ts" => Some(Language::Typescript),
                "c++" | "cxx" => Some(Language::Cpp),
                "golang" => Some(Language::Go),
                "rs" => Some(Language::Rust),
                _ => None,
            })
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}
