//! The sandbox against the real Docker Engine, with the runner images `cargo xtask images`
//! builds (REHEARSE_LOCAL_IMAGES): reference solutions, known-wrong solutions, hostile code,
//! the pool, and the playground.

mod config;
mod exec;
mod forgery;
mod hostile;
mod pool;
mod pull;
mod reference;
mod support;
mod verdicts;
