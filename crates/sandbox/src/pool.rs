//! The warm pool: containers started ahead of time, labelled as Rehearse's, that any process
//! (the app, the CLI) may claim. A claim is an atomic rename of the container (see
//! `container::claim`), so two processes can never share one. A claimed container gets one
//! run's files on stdin, runs that one step and ends; one nobody claims ends itself after
//! the idle timeout. Containers are started with auto-remove, so an ended one is gone.

use crate::config::{Limits, PoolConfig};
use crate::container::{self, LABEL_EXPIRES, LABEL_LANGUAGE, LABEL_POOL, LABEL_SPEC};
use crate::error::Result;
use bollard::query_parameters::ListContainersOptionsBuilder;
use bollard::Docker;
use rehearse_core::{now_ms, Language};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Names the image, limits and entry point a container was started with.
pub fn spec(image: &str, limits: &Limits) -> String {
    let mut h = Sha256::new();
    h.update(image.as_bytes());
    h.update(serde_json::to_vec(limits).unwrap_or_default());
    // What the container runs (the supervisor itself comes with each job): a pooled
    // container started by another version may not take this one's files.
    h.update(container::agent(0).as_bytes());
    h.update(b"cgroupns=private");
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Debug, Clone)]
struct Pooled {
    id: String,
    claimed: bool,
    language: String,
    spec: String,
    expires: i64,
}

/// Rehearse's running containers; with `unclaimed`, only those still waiting in the pool.
async fn list(docker: &Docker, unclaimed: bool) -> Result<Vec<Pooled>> {
    let mut filters = HashMap::from([
        ("label", vec![LABEL_POOL.to_string()]),
        ("status", vec!["running".to_string()]),
    ]);
    if unclaimed {
        filters.insert("name", vec!["^/rehearse-pool-".to_string()]);
    }
    let options = ListContainersOptionsBuilder::default()
        .filters(&filters)
        .build();
    let list = docker.list_containers(Some(options)).await?;
    Ok(list
        .into_iter()
        .filter_map(|c| {
            let labels = c.labels.unwrap_or_default();
            let claimed = !c
                .names
                .unwrap_or_default()
                .iter()
                .any(|n| n.starts_with("/rehearse-pool-"));
            Some(Pooled {
                id: c.id?,
                claimed,
                language: labels.get(LABEL_LANGUAGE)?.clone(),
                spec: labels.get(LABEL_SPEC)?.clone(),
                expires: labels.get(LABEL_EXPIRES)?.parse().ok()?,
            })
        })
        .collect())
}

/// A pooled container only waits for its files until it expires; once it has them, the run
/// takes as long as it takes. So a container is worth claiming while it has a few seconds left.
fn margin_ms(pool: &PoolConfig) -> i64 {
    let idle_ms = i64::try_from(pool.idle_timeout_s.saturating_mul(1000)).unwrap_or(i64::MAX / 2);
    (idle_ms / 2).min(5_000)
}

/// Unclaimed pooled containers for `lang` started with `spec` that are not about to expire,
/// newest first. Another process may still claim one first; the claim tells.
pub async fn claimable(
    docker: &Docker,
    lang: Language,
    spec: &str,
    pool: &PoolConfig,
) -> Result<Vec<String>> {
    let deadline = now_ms() + margin_ms(pool);
    let mut found: Vec<Pooled> = list(docker, true)
        .await?
        .into_iter()
        .filter(|c| c.language == lang.id() && c.spec == spec && c.expires > deadline)
        .collect();
    found.sort_by_key(|c| std::cmp::Reverse(c.expires));
    Ok(found.into_iter().map(|c| c.id).collect())
}

/// Starts one container for `lang`, labelled so any process can find and claim it.
pub async fn start(
    docker: &Docker,
    lang: Language,
    image: &str,
    limits: &Limits,
    pool: &PoolConfig,
) -> Result<String> {
    let idle_ms = i64::try_from(pool.idle_timeout_s.saturating_mul(1000)).unwrap_or(i64::MAX / 2);
    let labels = HashMap::from([
        (LABEL_POOL.to_string(), "1".to_string()),
        (LABEL_LANGUAGE.to_string(), lang.id().to_string()),
        (LABEL_SPEC.to_string(), spec(image, limits)),
        (LABEL_EXPIRES.to_string(), (now_ms() + idle_ms).to_string()),
    ]);
    container::create(
        docker,
        container::body(image, limits, pool.idle_timeout_s, labels),
    )
    .await
}

/// Tops the pool for `lang` up to its size, within the machine-wide container cap.
pub async fn warm(
    docker: &Docker,
    lang: Language,
    image: &str,
    limits: &Limits,
    pool: &PoolConfig,
) -> Result<u32> {
    let spec = spec(image, limits);
    let all = list(docker, false).await?;
    let margin = margin_ms(pool);
    let ready = all
        .iter()
        .filter(|c| {
            !c.claimed && c.language == lang.id() && c.spec == spec && c.expires > now_ms() + margin
        })
        .count();
    let want = (pool.size as usize)
        .saturating_sub(ready)
        .min((pool.max_containers as usize).saturating_sub(all.len()));
    for _ in 0..want {
        start(docker, lang, image, limits, pool).await?;
    }
    Ok(u32::try_from(want).unwrap_or(0))
}

/// Containers for `lang` with `spec`, claimed or not.
pub async fn count(docker: &Docker, lang: Language, spec: &str) -> Result<usize> {
    Ok(list(docker, false)
        .await?
        .iter()
        .filter(|c| c.language == lang.id() && c.spec == spec)
        .count())
}
