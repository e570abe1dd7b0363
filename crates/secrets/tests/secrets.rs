//! Keys in the real OS keychains of this machine: the kernel keyring always, the Secret Service
//! (GNOME Keyring on a private session bus) when `cargo xtask test` runs the ignored test
//! under `dbus-run-session`.

use rehearse_core::error::Coded;
use rehearse_secrets::{Backend, KeySource, Keychain, Provider};
use std::sync::atomic::{AtomicU32, Ordering};

/// A service name of this test's own, so tests never meet each other's or the user's keys.
fn service() -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "app.rehearse.test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

fn no_env() -> Box<rehearse_secrets::EnvLookup> {
    Box::new(|_| None)
}

fn round_trip(backend: Backend) {
    let svc = service();
    let chain = Keychain::with(backend, &svc, no_env());
    assert_eq!(chain.get(Provider::Openai).expect("get"), None);
    chain
        .set(Provider::Openai, "  sk-test-round-trip-7f3a\n")
        .expect("set");
    chain.set(Provider::Gemini, "gm-other-9999").expect("set");

    // Another handle (as another process would open it) sees the same keys.
    let again = Keychain::with(backend, &svc, no_env());
    let (key, source) = again.get(Provider::Openai).expect("get").expect("a key");
    assert_eq!(key.expose(), "sk-test-round-trip-7f3a", "stored trimmed");
    assert_eq!(source, KeySource::Keychain);
    let status = again.status(Provider::Openai).expect("status");
    assert!(status.set);
    assert_eq!(status.last4.as_deref(), Some("7f3a"));
    assert_eq!(status.env_var.as_deref(), Some("OPENAI_API_KEY"));
    assert!(!again.status(Provider::Anthropic).expect("status").set);

    chain
        .set(Provider::Openai, "sk-replaced-0001")
        .expect("replace");
    assert_eq!(
        again.require(Provider::Openai).expect("key").expose(),
        "sk-replaced-0001"
    );
    assert!(chain.remove(Provider::Openai).expect("remove"));
    assert!(!chain.remove(Provider::Openai).expect("remove twice"));
    assert_eq!(again.get(Provider::Openai).expect("get"), None);
    assert_eq!(
        again.require(Provider::Openai).map_err(|e| e.code()),
        Err(rehearse_core::ErrorCode::NoKey)
    );
    assert!(chain.remove(Provider::Gemini).expect("clean up"));
}

#[test]
fn the_kernel_keyring_keeps_keys_across_handles_and_forgets_them_on_remove() {
    round_trip(Backend::Kernel);
}

#[test]
#[ignore = "needs a Secret Service: `cargo xtask test` runs it under dbus-run-session with GNOME Keyring"]
fn the_secret_service_keeps_keys_across_handles_and_forgets_them_on_remove() {
    assert_eq!(
        Backend::choose("auto").expect("a keychain"),
        Backend::SecretService,
        "auto picks the Secret Service when the session bus offers one"
    );
    round_trip(Backend::SecretService);
}

#[test]
fn the_environment_overrides_the_keychain() {
    let svc = service();
    let chain = Keychain::with(
        Backend::Kernel,
        &svc,
        Box::new(|name| (name == "ANTHROPIC_API_KEY").then(|| "sk-ant-from-env-4242".into())),
    );
    chain
        .set(Provider::Anthropic, "sk-ant-in-keychain-1111")
        .expect("set");
    let (key, source) = chain.get(Provider::Anthropic).expect("get").expect("key");
    assert_eq!(
        (key.expose(), source),
        ("sk-ant-from-env-4242", KeySource::Env)
    );
    let status = chain.status(Provider::Anthropic).expect("status");
    assert_eq!(
        (status.source, status.last4.as_deref()),
        (Some(KeySource::Env), Some("4242"))
    );
    assert!(chain.remove(Provider::Anthropic).expect("clean up"));
}

#[test]
fn empty_or_malformed_keys_are_refused_with_a_reason() {
    let chain = Keychain::with(Backend::Kernel, &service(), no_env());
    for (bad, code) in [
        ("", "invalid_key"),
        ("   \n", "invalid_key"),
        ("sk-one two", "invalid_key"),
    ] {
        let e = chain.set(Provider::Openai, bad).expect_err("refused");
        assert_eq!(e.code(), code);
        assert!(!e.to_string().is_empty());
    }
    assert_eq!(chain.get(Provider::Openai).expect("get"), None);
}

#[test]
fn a_key_never_shows_in_debug_or_display() {
    let chain = Keychain::with(Backend::Kernel, &service(), no_env());
    chain
        .set(Provider::Compatible, "secret-compatible-key-abcd")
        .expect("set");
    let key = chain.require(Provider::Compatible).expect("key");
    for shown in [format!("{key:?}"), format!("{key}")] {
        assert!(!shown.contains("secret-compatible"), "{shown}");
        assert!(shown.contains("abcd"));
    }
    let status = format!("{:?}", chain.statuses().expect("statuses"));
    assert!(!status.contains("secret-compatible"), "{status}");
    assert!(chain.remove(Provider::Compatible).expect("clean up"));
}

#[test]
fn no_keychain_is_a_clear_error_never_a_file() {
    // A Secret Service asked for where no session bus answers: a socket nobody listens on.
    let dir = tempfile::tempdir().expect("temp");
    std::env::set_var(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", dir.path().join("no-bus").display()),
    );
    let e = Backend::choose("secret-service").expect_err("no Secret Service");
    assert_eq!(e.code(), "keychain_unavailable");
    assert!(e.to_string().contains("OPENAI_API_KEY"), "{e}");
    std::env::remove_var("DBUS_SESSION_BUS_ADDRESS");
    let e = Backend::choose("secret-service").expect_err("no session bus");
    assert_eq!(e.code(), "keychain_unavailable");
    assert_eq!(
        Backend::choose("filesystem").map_err(|e| e.code()),
        Err(rehearse_core::ErrorCode::InvalidConfig)
    );
    assert_eq!(Backend::choose("auto").expect("kernel"), Backend::Kernel);
    assert!(
        std::fs::read_dir(dir.path()).expect("dir").next().is_none(),
        "nothing was written"
    );
}
