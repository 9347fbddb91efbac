//! The workspaces stored in this browser, as the pages list them: those in use, or those in the trash.

use crate::app::AppState;
use crate::storage::StoredMeta;
use leptos::prelude::*;

/// The stored workspaces in use (`trashed` false) or in the trash (`trashed` true), in stored order.
pub fn stored_workspaces(app: AppState, trashed: bool) -> Memo<Vec<StoredMeta>> {
    Memo::new(move |_| {
        app.workspaces.with(|l| {
            l.iter()
                .filter(|m| m.deleted_at.is_some() == trashed)
                .cloned()
                .collect()
        })
    })
}
