//! Compiled programs kept on the host by the hash of everything that went into them (image,
//! language, sources, compile script), so an unchanged re-run skips compilation. Entries
//! are written whole (temp file + rename) and the oldest are pruned.

use crate::error::{Result, SandboxError};
use crate::harness::Plan;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const KEEP: usize = 64;

pub struct CompileCache {
    dir: PathBuf,
}

impl CompileCache {
    pub fn new(dir: PathBuf) -> CompileCache {
        CompileCache { dir }
    }

    pub fn key(image_id: &str, language: &str, plan: &Plan) -> String {
        let mut h = Sha256::new();
        for part in [
            image_id.as_bytes(),
            language.as_bytes(),
            plan.compile.as_deref().unwrap_or("").as_bytes(),
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        for (name, data) in &plan.files {
            h.update((name.len() as u64).to_le_bytes());
            h.update(name.as_bytes());
            h.update((data.len() as u64).to_le_bytes());
            h.update(data);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.tar"))
    }

    /// The compiled build/ folder as a tar archive, if this exact program was compiled before.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let path = self.path(key);
        let data = std::fs::read(&path).ok()?;
        // Touch it so pruning keeps what is used.
        let _ = std::fs::File::options()
            .append(true)
            .open(&path)
            .and_then(|f| f.set_modified(std::time::SystemTime::now()));
        Some(data)
    }

    pub fn put(&self, key: &str, archive: &[u8]) -> Result<()> {
        let unusable = |e: std::io::Error| SandboxError::Cache {
            path: self.dir.display().to_string(),
            reason: e.to_string(),
        };
        std::fs::create_dir_all(&self.dir).map_err(unusable)?;
        let tmp = self.dir.join(format!(".{key}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, archive).map_err(unusable)?;
        std::fs::rename(&tmp, self.path(key)).map_err(unusable)?;
        prune(&self.dir);
        Ok(())
    }
}

fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "tar"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if files.len() <= KEEP {
        return;
    }
    files.sort();
    for (_, path) in &files[..files.len() - KEEP] {
        let _ = std::fs::remove_file(path);
    }
}
