//! Where the sandbox's settings come from: defaults, config.toml, then the environment.

use rehearse_core::Language;
use rehearse_sandbox::config::{default_image, local_image};
use rehearse_sandbox::SandboxConfig;

#[test]
fn config_toml_overrides_only_what_it_names() {
    let config = SandboxConfig::from_toml(
        "[other]\nx = 1\n\n[sandbox.images]\ncpp = \"gcc:13\"\n\n[sandbox.limits]\nmemory_mb = 256\n\n[sandbox.pool]\nsize = 4\n",
    )
    .expect("valid");
    assert_eq!(config.image(Language::Cpp), "gcc:13");
    assert_eq!(
        config.image(Language::Python),
        default_image(Language::Python)
    );
    assert_eq!(config.limits.memory_mb, 256);
    assert_eq!(
        config.limits.run_wall_ms, 5_000,
        "unnamed limits keep their defaults"
    );
    assert_eq!(config.pool.size, 4);
    assert_eq!(
        SandboxConfig::from_toml("").expect("empty file"),
        SandboxConfig::default()
    );
}

#[test]
fn config_toml_mistakes_are_named() {
    let err = SandboxConfig::from_toml("[sandbox.limits]\nmemroy_mb = 1\n").expect_err("typo");
    assert!(err.to_string().contains("memroy_mb"), "{err}");
    let err = SandboxConfig::from_toml("[sandbox.pool]\nsize = \"two\"\n").expect_err("wrong type");
    assert!(err.to_string().contains("size"), "{err}");
}

#[test]
fn environment_wins() {
    let mut config =
        SandboxConfig::from_toml("[sandbox.images]\ngo = \"golang:1.22\"\n").expect("valid");
    let env = |k: &str| match k {
        "REHEARSE_LOCAL_IMAGES" => Some("1".to_string()),
        "REHEARSE_IMAGE_RUST" => Some("my/rust:1".to_string()),
        "REHEARSE_POOL_SIZE" => Some("0".to_string()),
        _ => None,
    };
    config.apply_env(env).expect("valid env");
    assert_eq!(config.image(Language::Rust), "my/rust:1");
    assert_eq!(config.image(Language::Go), local_image(Language::Go));
    assert!(local_image(Language::Python).starts_with("rehearse-runner-python:"));
    assert_eq!(config.pool.size, 0);
    let err = config
        .apply_env(|k| (k == "REHEARSE_POOL_MAX").then(|| "many".to_string()))
        .expect_err("not a number");
    assert!(err.to_string().contains("REHEARSE_POOL_MAX"), "{err}");
}
