//! Participants by role: family, network or professional, with an optional name and the relation to the
//! child or the professional's unit.

use super::fields::Draft;
use super::focus_later;
use crate::model::{Id, Participant, ParticipantRole};
use crate::text::{self, meetings as txt};
use crate::ui::kit::limits;
use leptos::prelude::*;

fn role_key(r: ParticipantRole) -> &'static str {
    match r {
        ParticipantRole::Family => "family",
        ParticipantRole::Network => "network",
        ParticipantRole::Professional => "professional",
    }
}

const ROLES: [ParticipantRole; 3] = [
    ParticipantRole::Family,
    ParticipantRole::Network,
    ParticipantRole::Professional,
];

#[component]
pub fn Participants(draft: Draft) -> impl IntoView {
    let ids = Memo::new(move |_| {
        draft.with(|m| m.participants.iter().map(|p| p.id).collect::<Vec<Id>>())
    });
    let add = move |role: ParticipantRole| {
        let p = Participant {
            role,
            ..Participant::default()
        };
        let focus = format!("p-{}-rel", p.id);
        draft.update(|m| m.participants.push(p));
        focus_later(focus);
    };
    let counts = Memo::new(move |_| {
        draft.with(|m| ROLES.map(|r| m.participants.iter().filter(|p| p.role == r).count()))
    });
    view! {
        <fieldset class="meet-section">
            <legend><h2>{txt::SECTION_PARTICIPANTS}</h2></legend>
            <p class="form-hint" id="participants-hint">{txt::H_PARTICIPANTS}</p>
            <p class="muted">{move || {
                let c = counts.get();
                txt::participant_counts(c[0], c[1], c[2])
            }}</p>
            <ol class="meet-rows" aria-describedby="participants-hint">
                <For each=move || ids.get() key=|id| *id let:pid>
                    <ParticipantRow draft=draft pid=pid/>
                </For>
            </ol>
            <div class="button-row" id="participants-add">
                {ROLES.into_iter().map(|r| view! {
                    <button type="button" class="button secondary" on:click=move |_| add(r)>
                        {txt::add_participant(r)}
                    </button>
                }).collect_view()}
            </div>
        </fieldset>
    }
}

#[component]
fn ParticipantRow(draft: Draft, pid: Id) -> impl IntoView {
    let current = Memo::new(move |_| {
        draft.with(|m| {
            m.participants
                .iter()
                .position(|p| p.id == pid)
                .map(|i| (i, m.participants[i].clone()))
        })
    });
    let number = move || current.get().map(|(i, _)| i + 1).unwrap_or(0);
    let field = move |f: fn(&Participant) -> String| {
        move || current.get().map(|(_, p)| f(&p)).unwrap_or_default()
    };
    let edit = move |f: fn(&mut Participant, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            draft.update(|m| {
                if let Some(p) = m.participants.iter_mut().find(|p| p.id == pid) {
                    f(p, v);
                }
            })
        }
    };
    let remove = move |_| {
        draft.update(|m| m.participants.retain(|p| p.id != pid));
        focus_later("participants-add".into());
    };
    let role_id = format!("p-{pid}-role");
    let name_id = format!("p-{pid}-name");
    let rel_id = format!("p-{pid}-rel");
    let rel_label = move || match current.get().map(|(_, p)| p.role) {
        Some(ParticipantRole::Professional) => txt::L_UNIT,
        _ => txt::L_RELATION,
    };
    view! {
        <li class="meet-row">
            <fieldset class="meet-row-fields">
                <legend class="meet-row-legend">{move || txt::participant_legend(number())}</legend>
                <div class="form-group">
                    <label class="form-label" for=role_id.clone()>{txt::L_ROLE}</label>
                    <select id=role_id class="form-select"
                        prop:value=field(|p| role_key(p.role).to_string())
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            if let Some(r) = ROLES.into_iter().find(|r| role_key(*r) == key) {
                                draft.update(|m| {
                                    if let Some(p) = m.participants.iter_mut().find(|p| p.id == pid) {
                                        p.role = r;
                                    }
                                });
                            }
                        }>
                        {ROLES.into_iter().map(|r| view! {
                            <option value=role_key(r) selected=move || current.get().is_some_and(|(_, p)| p.role == r)>
                                {text::participant_role(r)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="form-label" for=rel_id.clone()>{rel_label}</label>
                    <input maxlength=limits::NAME id=rel_id class="form-input" type="text"
                        prop:value=field(|p| p.relation_or_unit.clone())
                        on:input=edit(|p, v| p.relation_or_unit = v)/>
                </div>
                <div class="form-group">
                    <label class="form-label" for=name_id.clone()>{txt::L_PARTICIPANT_NAME}</label>
                    <input maxlength=limits::NAME id=name_id class="form-input" type="text" autocomplete="off"
                        prop:value=field(|p| p.name.clone())
                        on:input=edit(|p, v| p.name = v)/>
                </div>
                <button type="button" class="button secondary small row-remove" on:click=remove>
                    {move || txt::remove_participant(number())}
                </button>
            </fieldset>
        </li>
    }
}
