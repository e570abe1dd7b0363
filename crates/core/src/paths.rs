use std::path::PathBuf;

/// Where Rehearse keeps its files. Every path the app uses comes from here, so tests can
/// point everything at a temporary directory with `REHEARSE_DATA_DIR` / `REHEARSE_CONFIG_DIR`.
#[derive(Debug, Clone)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Paths {
    pub fn from_env() -> Paths {
        let dirs = directories::ProjectDirs::from("app", "Rehearse", "rehearse");
        let fallback = || std::env::temp_dir().join("rehearse");
        let data_dir = env_path("REHEARSE_DATA_DIR")
            .or_else(|| dirs.as_ref().map(|d| d.data_dir().to_path_buf()))
            .unwrap_or_else(fallback);
        let config_dir = env_path("REHEARSE_CONFIG_DIR")
            .or_else(|| dirs.as_ref().map(|d| d.config_dir().to_path_buf()))
            .unwrap_or_else(|| data_dir.clone());
        Paths {
            data_dir,
            config_dir,
        }
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir.join("rehearse.db")
    }

    pub fn logs_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}
