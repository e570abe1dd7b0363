//! Runner images: whether each is present, and pulling a missing one with per-layer progress.

use crate::docker::{describe, is_not_found};
use crate::error::{Result, SandboxError};
use bollard::query_parameters::CreateImageOptionsBuilder;
use bollard::Docker;
use futures_util::StreamExt;
use rehearse_core::run::{LayerProgress, SandboxProgress};

pub async fn present(docker: &Docker, image: &str) -> Result<bool> {
    match docker.inspect_image(image).await {
        Ok(_) => Ok(true),
        Err(e) if is_not_found(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// The image's id, which names its content (part of the compile-cache key).
pub async fn id(docker: &Docker, image: &str) -> Result<String> {
    Ok(docker.inspect_image(image).await?.id.unwrap_or_default())
}

/// Pulls `image` unless it is present, reporting each layer's bytes as they arrive.
pub async fn ensure(
    docker: &Docker,
    image: &str,
    progress: &(dyn Fn(SandboxProgress) + Send + Sync),
) -> Result<()> {
    if present(docker, image).await? {
        return Ok(());
    }
    tracing::info!(image, "pulling runner image");
    let options = CreateImageOptionsBuilder::default()
        .from_image(image)
        .build();
    let mut stream = docker.create_image(Some(options), None, None);
    let mut layers: Vec<LayerProgress> = Vec::new();
    let unavailable = |reason: String| SandboxError::ImageUnavailable {
        image: image.to_string(),
        reason,
    };
    while let Some(item) = stream.next().await {
        let info = item.map_err(|e| unavailable(describe(&e)))?;
        if let Some(detail) = info.error_detail.and_then(|d| d.message) {
            return Err(unavailable(detail));
        }
        let (Some(id), Some(status)) = (info.id, info.status) else {
            continue;
        };
        let detail = info.progress_detail.unwrap_or_default();
        let layer = match layers.iter_mut().position(|l| l.id == id) {
            Some(i) => &mut layers[i],
            None => {
                layers.push(LayerProgress {
                    id,
                    status: String::new(),
                    current: 0,
                    total: 0,
                });
                layers.last_mut().expect("just pushed")
            }
        };
        layer.status = status;
        if let Some(total) = detail.total.and_then(|t| u64::try_from(t).ok()) {
            layer.total = total;
        }
        if let Some(current) = detail.current.and_then(|c| u64::try_from(c).ok()) {
            layer.current = current;
        }
        progress(SandboxProgress::Pulling {
            image: image.to_string(),
            layers: layers.clone(),
        });
    }
    if present(docker, image).await? {
        Ok(())
    } else {
        Err(unavailable("the registry sent no image".into()))
    }
}
