//! Compiled programs kept on the host by the hash of everything that went into them (image,
//! language, sources, compile script), so an unchanged re-run skips compilation. Entries
//! are written whole (temp file + rename); the least recently used go once there are more
//! than `KEEP` or they take more than `BUDGET` bytes together.

use crate::error::{Result, SandboxError};
use crate::harness::Plan;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const KEEP: usize = 64;
const BUDGET: u64 = 256 << 20;

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
    prune_to(dir, KEEP, BUDGET);
}

fn prune_to(dir: &Path, keep: usize, budget: u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, u64, PathBuf)> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "tar"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((meta.modified().ok()?, meta.len(), e.path()))
        })
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    let mut total = 0u64;
    for (k, (_, len, path)) in files.iter().enumerate() {
        total += len;
        // The newest entry always stays: it was just written or used.
        if k > 0 && (k >= keep || total > budget) {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruning_keeps_the_newest_within_count_and_bytes() {
        let dir = std::env::temp_dir().join(format!("rehearse-cache-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let t0 = std::time::SystemTime::now() - std::time::Duration::from_secs(100);
        for k in 0..6u64 {
            let path = dir.join(format!("{k}.tar"));
            std::fs::write(&path, vec![0u8; 1000]).unwrap();
            let f = std::fs::File::options().append(true).open(&path).unwrap();
            f.set_modified(t0 + std::time::Duration::from_secs(k))
                .unwrap();
        }
        prune_to(&dir, 10, 3500);
        let mut left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["3.tar", "4.tar", "5.tar"]);
        prune_to(&dir, 2, u64::MAX);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
