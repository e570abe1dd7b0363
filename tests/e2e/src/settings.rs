//! Steps on the app's forms that several tests take: a field set as a person would leave it,
//! and an agent role pointed at a provider and model under Settings → AI.

use crate::Session;
use serde_json::json;

impl Session {
    /// Sets the value of the field `testid` and fires `event` (`change`, `input`) on it.
    pub fn set_value(&self, testid: &str, value: &str, event: &str) {
        self.script(
            "const el = document.querySelector(`[data-testid=${arguments[0]}]`); el.value = arguments[1]; el.dispatchEvent(new Event(arguments[2], {bubbles: true}));",
            json!([testid, value, event]),
        );
    }

    /// Points the agent role `role` at `provider` and `model` (on the Settings page), waiting
    /// for each change to be saved before the next one is made.
    pub fn route(&self, role: &str, provider: &str, model: &str) {
        self.set_value(&format!("ai-provider-{role}"), provider, "change");
        // A compatible server has no default model: the field asks for one once the choice is saved.
        self.wait_until("the provider chosen", || {
            let placeholder = self
                .find(&format!("[data-testid=ai-model-{role}]"))
                .attr("placeholder");
            (placeholder.as_deref() == Some("model name")).then_some(())
        });
        self.set_value(&format!("ai-model-{role}"), model, "change");
        self.wait_until("the model saved", || {
            self.find(&format!("[data-testid=ai-status-{role}]"))
                .text()
                .contains(model)
                .then_some(())
        });
    }

    /// Turns the agent role `role` on or off (on the Settings page), once the change is saved.
    pub fn role_on(&self, role: &str, on: bool) {
        let status = || self.find(&format!("[data-testid=ai-status-{role}]")).text();
        if (status() != "Off") == on {
            return;
        }
        self.script(
            "document.querySelector(`[data-testid=ai-on-${arguments[0]}]`).click();",
            json!([role]),
        );
        self.wait_until("the role switched", || {
            ((status() != "Off") == on).then_some(())
        });
    }
}
