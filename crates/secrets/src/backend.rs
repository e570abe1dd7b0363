use crate::SecretsError;
use keyring::Entry;
use serde::Serialize;
use ts_rs::TS;

/// Which OS keychain holds the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Backend {
    /// The freedesktop Secret Service (GNOME Keyring, KWallet) on the session bus.
    SecretService,
    /// The Linux kernel keyring (keyutils): no desktop session needed, but keys last only until
    /// reboot (and expire after the persistent keyring's timeout, a few days by default).
    Kernel,
}

impl Backend {
    pub fn label(self) -> &'static str {
        match self {
            Backend::SecretService => "Secret Service",
            Backend::Kernel => "kernel keyring",
        }
    }

    /// `choice` is `auto` (or empty), `secret-service` or `kernel`. Auto takes the Secret Service
    /// when a session bus is set and the service answers there, else the kernel keyring.
    pub fn choose(choice: &str) -> Result<Backend, SecretsError> {
        match choice {
            "secret-service" => Backend::SecretService.probe(),
            "kernel" => Backend::Kernel.probe(),
            "" | "auto" => {
                let bus =
                    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
                if bus {
                    match Backend::SecretService.probe() {
                        Ok(b) => return Ok(b),
                        Err(e) => {
                            tracing::info!("no Secret Service ({e}); using the kernel keyring")
                        }
                    }
                }
                Backend::Kernel.probe()
            }
            other => Err(SecretsError::UnknownBackend(other.into())),
        }
    }

    /// Self if it answers: a read of an entry nobody sets succeeds with "no entry".
    fn probe(self) -> Result<Backend, SecretsError> {
        if self == Backend::SecretService && !session_bus() {
            return Err(SecretsError::Unavailable {
                detail: "the Secret Service needs a session bus, and DBUS_SESSION_BUS_ADDRESS is not set".into(),
            });
        }
        let entry = self.entry(crate::DEFAULT_SERVICE, "probe")?;
        match entry.get_password() {
            Ok(_) | Err(keyring::Error::NoEntry) => Ok(self),
            Err(e) => Err(SecretsError::Unavailable {
                detail: format!("{}: {e}", self.label()),
            }),
        }
    }

    pub(crate) fn entry(self, service: &str, user: &str) -> Result<Entry, SecretsError> {
        let unavailable = |e: keyring::Error| SecretsError::Unavailable {
            detail: format!("{}: {e}", self.label()),
        };
        Ok(match self {
            Backend::SecretService => Entry::new_with_credential(Box::new(
                keyring::secret_service::SsCredential::new_with_target(None, service, user)
                    .map_err(unavailable)?,
            )),
            Backend::Kernel => Entry::new_with_credential(Box::new(
                crate::kernel::UserKeyring::new(service, user).map_err(unavailable)?,
            )),
        })
    }

    pub(crate) fn error(self, e: keyring::Error) -> SecretsError {
        match e {
            keyring::Error::NoStorageAccess(inner) => SecretsError::Locked {
                detail: format!("{}: {inner}", self.label()),
            },
            other => SecretsError::Failure {
                detail: format!("{}: {other}", self.label()),
            },
        }
    }
}

fn session_bus() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
}
