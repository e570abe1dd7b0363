//! Runs candidates' code in local Docker containers: one locked-down container per run,
//! taken from a warm pool any process can claim from, with a harness generated per language
//! from the problem's signature, limits on everything, and a verdict per test.

mod cache;
mod checker;
pub mod config;
mod container;
pub mod docker;
mod error;
mod exec;
mod frames;
pub mod harness;
mod images;
mod judge;
mod measure;
mod pool;

pub use config::{Limits, PoolConfig, SandboxConfig};
pub use docker::EngineInfo;
pub use error::{Result, SandboxError};
pub use judge::{JudgeRequest, JudgeTest};

use bollard::Docker;
use cache::CompileCache;
use container::{Collected, Step, CLAIMED};
use harness::Plan;
use rehearse_core::run::{RunnerInfo, SandboxProgress};
use rehearse_core::Language;
use std::path::PathBuf;
use tokio::time::{Duration, Instant};

/// Told what the sandbox is doing while a person waits.
pub type Progress<'a> = &'a (dyn Fn(SandboxProgress) + Send + Sync);

/// Keep no more of compiler messages than this.
const COMPILER_OUTPUT_CAP: usize = 256 << 10;
/// A compiled program larger than this is refused.
const ARTEFACT_CAP: usize = 128 << 20;

pub struct Sandbox {
    docker: Docker,
    engine: EngineInfo,
    config: SandboxConfig,
    cache: CompileCache,
    background: std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl Sandbox {
    /// Connects to Docker. `cache_dir` holds compiled programs between runs and processes.
    pub async fn connect(config: SandboxConfig, cache_dir: PathBuf) -> Result<Sandbox> {
        let (docker, engine) = docker::connect().await?;
        Ok(Sandbox {
            docker,
            engine,
            config,
            cache: CompileCache::new(cache_dir),
            background: std::sync::Mutex::new(Vec::new()),
        })
    }

    pub fn engine(&self) -> &EngineInfo {
        &self.engine
    }

    pub fn config(&self) -> &SandboxConfig {
        &self.config
    }

    /// Each language's image and whether it is on this machine.
    pub async fn runners(&self) -> Result<Vec<RunnerInfo>> {
        let mut out = Vec::new();
        for language in Language::ALL {
            let image = self.config.image(language);
            let present = images::present(&self.docker, &image).await?;
            out.push(RunnerInfo {
                language,
                image,
                present,
            });
        }
        Ok(out)
    }

    /// Pulls the language's image if it is missing, reporting progress.
    pub async fn ensure_image(&self, lang: Language, progress: Progress<'_>) -> Result<String> {
        let image = self.config.image(lang);
        images::ensure(&self.docker, &image, progress).await?;
        Ok(image)
    }

    /// Starts pooled containers for `lang` up to the pool size (the problem view calls it for
    /// the language on screen). Returns how many were started.
    pub async fn warm(&self, lang: Language) -> Result<u32> {
        let image = self.config.image(lang);
        if !images::present(&self.docker, &image).await? {
            return Ok(0);
        }
        pool::warm(
            &self.docker,
            lang,
            &image,
            &self.config.limits,
            &self.config.pool,
        )
        .await
    }

    /// How many of Rehearse's containers for `lang` run with today's image and limits
    /// (pooled and in use).
    pub async fn containers_of_this_spec(&self, lang: Language) -> Result<usize> {
        let spec = pool::spec(&self.config.image(lang), &self.config.limits);
        pool::count(&self.docker, lang, &spec).await
    }

    /// Waits for background work (removing used containers, refilling the pool). A process
    /// that is about to exit calls it so it leaves nothing half done.
    pub async fn settle(&self) {
        let handles: Vec<_> =
            std::mem::take(&mut *self.background.lock().expect("background list"));
        for h in handles {
            let _ = h.await;
        }
    }

    fn spawn(&self, task: impl std::future::Future<Output = ()> + Send + 'static) {
        let mut list = self.background.lock().expect("background list");
        list.retain(|h| !h.is_finished());
        list.push(tokio::spawn(task));
    }

    /// Removes a used container and refills the pool, in the background.
    fn release(&self, lease: Lease) {
        if lease.containers.is_empty() {
            return;
        }
        let docker = self.docker.clone();
        let (image, limits, pool) = (
            lease.image,
            self.config.limits.clone(),
            self.config.pool.clone(),
        );
        let lang = lease.language;
        self.spawn(async move {
            // Each step's container ends with its step; removing makes sure of it even when
            // the program left something running.
            for id in &lease.containers {
                container::remove(&docker, id).await;
            }
            if let Err(e) = pool::warm(&docker, lang, &image, &limits, &pool).await {
                tracing::warn!(error = %e, "could not refill the sandbox pool");
            }
        });
    }
}

/// How much of a step's output to keep, and the stdout line after which it has ended.
struct Caps<'a> {
    stdout: usize,
    stderr: usize,
    until: Option<&'a [u8]>,
}

/// The containers one run has claimed (one per step).
struct Lease {
    language: Language,
    image: String,
    containers: Vec<String>,
}

impl Lease {
    fn new(language: Language, image: String) -> Lease {
        Lease {
            language,
            image,
            containers: Vec::new(),
        }
    }
}

impl Sandbox {
    /// Starts a step in a container of its own: claims a pooled one (or starts one when
    /// none is free) and sends it `files`, the step's script and its variables.
    async fn step(
        &self,
        lease: &mut Lease,
        script: &str,
        env: Vec<(String, String)>,
        mut files: Vec<(String, Vec<u8>)>,
    ) -> Result<(Step, Option<bollard::container::LogOutput>)> {
        use futures_util::StreamExt;
        let exports: String = env
            .iter()
            .map(|(k, v)| format!("export {k}='{v}'\n"))
            .collect();
        files.push((".rehearse-env".into(), exports.into_bytes()));
        files.push(("step.sh".into(), script.as_bytes().to_vec()));
        let payload = container::archive(&files)?;
        let spec = pool::spec(&lease.image, &self.config.limits);
        let mut candidates =
            pool::claimable(&self.docker, lease.language, &spec, &self.config.pool).await?;
        candidates.reverse();
        let mut fresh = 0;
        loop {
            let id = match candidates.pop() {
                Some(id) => id,
                None if fresh < 3 => {
                    fresh += 1;
                    pool::start(&self.docker, lease.language, &lease.image, &self.config.limits, &self.config.pool).await?
                }
                None => {
                    return Err(SandboxError::Docker(format!(
                        "new containers from `{}` do not start steps (are `sh`, `tar` and `timeout` in the image?)",
                        lease.image
                    )))
                }
            };
            if !container::claim(&self.docker, &id).await {
                continue;
            }
            lease.containers.push(id.clone());
            let mut step = match container::start_step(&self.docker, &id, payload.clone()).await {
                Ok(step) => step,
                Err(e) => {
                    tracing::debug!(container = id, error = %e, "claimed container not usable");
                    continue;
                }
            };
            // A container on its way out (idle timeout) says nothing, or not this first.
            match step.output.next().await {
                Some(Ok(bollard::container::LogOutput::StdErr { message }))
                    if message.starts_with(CLAIMED) =>
                {
                    let rest = message.slice(CLAIMED.len()..);
                    let first = (!rest.is_empty())
                        .then_some(bollard::container::LogOutput::StdErr { message: rest });
                    return Ok((step, first));
                }
                other => {
                    tracing::debug!(container = id, first = ?other, "claimed container did not start the step");
                    continue;
                }
            }
        }
    }

    /// Runs a step to its end (compile steps, programs with stdin).
    async fn run_to_end(
        &self,
        lease: &mut Lease,
        script: &str,
        env: Vec<(String, String)>,
        files: Vec<(String, Vec<u8>)>,
        limit_ms: u64,
        caps: Caps<'_>,
    ) -> Result<Collected> {
        let deadline = Instant::now() + Duration::from_millis(limit_ms);
        let (step, first) = self.step(lease, script, env, files).await?;
        let mut collected =
            container::collect_from(step, first, deadline, caps.stdout, caps.stderr, caps.until)
                .await?;
        if collected.timed_out || collected.overflow {
            if let Some(id) = lease.containers.last() {
                container::remove(&self.docker, id).await;
            }
            collected.exit_code = None;
        }
        Ok(collected)
    }
}

/// How compilation went.
enum Compiled {
    /// Nothing to compile, or compiled (now or earlier): the build/ folder as a tar archive.
    Ready {
        build: Option<Vec<u8>>,
        output: Option<String>,
        ms: Option<u64>,
        cached: bool,
    },
    Failed {
        output: String,
    },
}

impl Sandbox {
    async fn compile(
        &self,
        lease: &mut Lease,
        plan: &Plan,
        progress: Progress<'_>,
    ) -> Result<Compiled> {
        let Some(script) = &plan.compile else {
            return Ok(Compiled::Ready {
                build: None,
                output: None,
                ms: None,
                cached: false,
            });
        };
        let image_id = images::id(&self.docker, &lease.image).await?;
        let key = CompileCache::key(&image_id, lease.language.id(), plan);
        if let Some(build) = self.cache.get(&key) {
            return Ok(Compiled::Ready {
                build: Some(build),
                output: None,
                ms: None,
                cached: true,
            });
        }
        progress(SandboxProgress::Compiling {
            language: lease.language,
        });
        let started = Instant::now();
        let script = format!(
            "( {script} ) > .compile.txt 2>&1; s=$?; cat .compile.txt >&2\nif [ $s -ne 0 ]; then echo \"{exit} $s\" >&2; exit $s; fi\ntar -c -C build .; echo \"{exit} $?\" >&2\n",
            exit = container::EXIT_LINE
        );
        let limit = self.config.limits.compile_ms;
        let files = plan.files.clone();
        let out = self
            .run_to_end(
                lease,
                &script,
                Vec::new(),
                files,
                limit,
                Caps {
                    stdout: ARTEFACT_CAP,
                    stderr: COMPILER_OUTPUT_CAP,
                    until: None,
                },
            )
            .await?;
        let ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let messages = harness::clean_compiler_output(&String::from_utf8_lossy(&out.stderr));
        if out.timed_out {
            return Ok(Compiled::Failed {
                output: format!(
                    "{messages}\nCompilation took longer than {} s and was stopped.",
                    limit / 1000
                )
                .trim_start()
                .to_string(),
            });
        }
        if out.overflow {
            return Ok(Compiled::Failed {
                output: format!(
                    "{messages}\n… the compiler's output went over the limit and was cut here."
                ),
            });
        }
        if out.exit_code != Some(0) {
            let output = if messages.trim().is_empty() {
                format!(
                    "The compiler stopped with status {:?} and no message.",
                    out.exit_code
                )
            } else {
                messages
            };
            return Ok(Compiled::Failed { output });
        }
        if let Err(e) = self.cache.put(&key, &out.stdout) {
            tracing::warn!(error = %e, "compile cache not written");
        }
        Ok(Compiled::Ready {
            build: Some(out.stdout),
            output: (!messages.trim().is_empty()).then_some(messages),
            ms: Some(ms),
            cached: false,
        })
    }
}

/// The files of a run step: the plan's run files, the compiled program (unpacked by the
/// script from build.tar) and whatever else the step needs.
fn run_files(
    plan: &Plan,
    build: Option<Vec<u8>>,
    extra: Vec<(String, Vec<u8>)>,
) -> Vec<(String, Vec<u8>)> {
    let mut files = plan.run_files.clone();
    if let Some(build) = build {
        files.push(("build.tar".into(), build));
    }
    files.extend(extra);
    files
}

const UNPACK_BUILD: &str = "if [ -f build.tar ]; then mkdir -p build && tar -x -f build.tar -C build && rm -f build.tar; fi; ";
