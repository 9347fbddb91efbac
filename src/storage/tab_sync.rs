//! Tells other tabs of this origin that a workspace was saved, so they can show the newer data
//! (BroadcastChannel; never leaves the browser).

use crate::model::Id;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "trappe-sync";

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SavedNotice {
    pub workspace: Option<Id>,
    pub revision: u64,
    /// Identifies the sending tab, so a tab ignores its own notices.
    pub tab: String,
}

pub struct TabSync {
    channel: Option<BroadcastChannel>,
    _listener: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl TabSync {
    pub fn new(on_notice: impl Fn(SavedNotice) + 'static) -> Self {
        let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
            return TabSync {
                channel: None,
                _listener: None,
            };
        };
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            if let Some(text) = ev.data().as_string() {
                if let Ok(notice) = serde_json::from_slice::<SavedNotice>(text.as_bytes()) {
                    on_notice(notice);
                }
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        TabSync {
            channel: Some(channel),
            _listener: Some(listener),
        }
    }

    pub fn announce(&self, notice: &SavedNotice) {
        if let (Some(channel), Ok(text)) = (&self.channel, serde_json::to_string(notice)) {
            let _ = channel.post_message(&text.into());
        }
    }
}
