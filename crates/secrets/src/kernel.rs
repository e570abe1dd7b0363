//! The kernel keyring as a keyring credential store. Keys go on the user keyring (`@u`), which
//! every process of the user shares (the CLI stores a key, the app reads it) and which needs no
//! login session; keyring's own keyutils store links keys through the session keyring, which a
//! process started outside a login session does not reliably have. Keys last until reboot.

use keyring::credential::CredentialApi;
use linux_keyutils::{KeyError, KeyPermissionsBuilder, KeyRing, KeyRingIdentifier, Permission};

#[derive(Debug)]
pub(crate) struct UserKeyring {
    description: String,
}

impl UserKeyring {
    pub(crate) fn new(service: &str, user: &str) -> Result<UserKeyring, keyring::Error> {
        ring()?;
        Ok(UserKeyring {
            description: format!("{service}:{user}"),
        })
    }

    fn find(&self) -> keyring::Result<linux_keyutils::Key> {
        ring()?.search(&self.description).map_err(error)
    }
}

fn ring() -> keyring::Result<KeyRing> {
    KeyRing::from_special_id(KeyRingIdentifier::User, true).map_err(error)
}

fn error(e: KeyError) -> keyring::Error {
    match e {
        KeyError::KeyDoesNotExist | KeyError::KeyRevoked | KeyError::KeyExpired => {
            keyring::Error::NoEntry
        }
        KeyError::AccessDenied => keyring::Error::NoStorageAccess(Box::new(e)),
        other => keyring::Error::PlatformFailure(Box::new(other)),
    }
}

impl CredentialApi for UserKeyring {
    fn set_secret(&self, secret: &[u8]) -> keyring::Result<()> {
        let key = ring()?.add_key(&self.description, secret).map_err(error)?;
        // Readable by the user's other processes, whichever session they run in; nobody else.
        key.set_perms(
            KeyPermissionsBuilder::builder()
                .posessor(Permission::ALL)
                .user(Permission::ALL)
                .build(),
        )
        .map_err(error)
    }

    fn get_secret(&self) -> keyring::Result<Vec<u8>> {
        self.find()?.read_to_vec().map_err(error)
    }

    fn delete_credential(&self) -> keyring::Result<()> {
        self.find()?.invalidate().map_err(error)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
