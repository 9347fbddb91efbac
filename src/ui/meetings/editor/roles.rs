//! The roles section: who initiated, coordinates, invites, chairs and takes notes, and the kind of minutes.

use crate::model::meeting_form::FormField;
use crate::model::MinutesKind;
use crate::text::{self, meetings as txt};
use crate::ui::meetings::fields::{Draft, Errors, TextField};
use leptos::prelude::*;

/// Initiator, coordinator, who invites, chairs and takes notes, and the kind of minutes.
#[component]
pub(super) fn RolesSection(draft: Draft, errors: Errors) -> impl IntoView {
    let kind = Memo::new(move |_| draft.with(|m| m.minutes_kind));
    let kinds = [
        (MinutesKind::Decisions, "m-minutes-decisions"),
        (MinutesKind::Full, "m-minutes-full"),
    ];
    view! {
        <fieldset class="meet-section">
            <legend><h2>{txt::SECTION_ROLES}</h2></legend>
            <p class="form-hint">{txt::H_ROLES}</p>
            <div class="meet-grid">
                <TextField draft=draft errors=errors field=FormField::Initiator id="m-initiator" label=txt::L_INITIATOR hint=txt::H_INITIATOR
                    get=|m| &m.initiator set=|m, v| m.initiator = v/>
                <TextField draft=draft errors=errors field=FormField::Coordinator id="m-coordinator" label=txt::L_COORDINATOR hint=txt::H_COORDINATOR
                    get=|m| &m.coordinator set=|m, v| m.coordinator = v/>
                <TextField draft=draft errors=errors field=FormField::InvitedBy id="m-invited-by" label=txt::L_INVITED_BY
                    get=|m| &m.invited_by set=|m, v| m.invited_by = v/>
                <TextField draft=draft errors=errors field=FormField::Chair id="m-chair" label=txt::L_CHAIR
                    get=|m| &m.chair set=|m, v| m.chair = v/>
                <TextField draft=draft errors=errors field=FormField::NoteTaker id="m-note-taker" label=txt::L_NOTE_TAKER
                    get=|m| &m.note_taker set=|m, v| m.note_taker = v/>
            </div>
            <fieldset class="form-group">
                <legend class="form-label">{txt::L_MINUTES_KIND}</legend>
                <div class="radio-row">
                    {kinds.into_iter().map(|(k, rid)| view! {
                        <div class="radio">
                            <input type="radio" id=rid name="m-minutes-kind"
                                prop:checked=move || kind.get() == k
                                on:change=move |_| draft.update(|m| m.minutes_kind = k)/>
                            <label for=rid>{text::minutes_kind(k)}</label>
                        </div>
                    }).collect_view()}
                </div>
            </fieldset>
        </fieldset>
    }
}
