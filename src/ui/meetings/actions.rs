//! The plan's action items: what, who, by when, done.

use super::fields::{set_input_error, Draft, Errors};
use super::focus_later;
use crate::model::dates::{date_field, parse_date};
use crate::model::meeting_form::FormField;
use crate::model::{ActionItem, Id};
use crate::text::meetings as txt;
use crate::text::ui as t;
use crate::ui::kit::field::ChangeInput;
use crate::ui::kit::limits;
use leptos::prelude::*;

#[component]
pub fn ActionItems(draft: Draft, errors: Errors) -> impl IntoView {
    let ids = Memo::new(move |_| {
        draft.with(|m| m.action_items.iter().map(|a| a.id).collect::<Vec<Id>>())
    });
    let add = move |_| {
        let a = ActionItem::default();
        let focus = format!("a-{}-what", a.id);
        draft.update(|m| m.action_items.push(a));
        focus_later(focus);
    };
    let open = Memo::new(move |_| {
        draft.with(|m| {
            (
                m.action_items.iter().filter(|a| !a.done).count(),
                m.action_items.len(),
            )
        })
    });
    view! {
        <fieldset class="meet-section">
            <legend><h2>{txt::SECTION_ACTIONS}</h2></legend>
            <p class="form-hint" id="actions-hint">{txt::H_ACTIONS}</p>
            <p class="muted">{move || { let (o, n) = open.get(); txt::open_actions_text(o, n) }}</p>
            <ol class="meet-rows" aria-describedby="actions-hint">
                <For each=move || ids.get() key=|id| *id let:aid>
                    <ActionRow draft=draft errors=errors aid=aid/>
                </For>
            </ol>
            <button type="button" class="button secondary" id="actions-add" on:click=add>{txt::ADD_ACTION}</button>
        </fieldset>
    }
}

#[component]
fn ActionRow(draft: Draft, errors: Errors, aid: Id) -> impl IntoView {
    let current = Memo::new(move |_| {
        draft.with(|m| {
            m.action_items
                .iter()
                .position(|a| a.id == aid)
                .map(|i| (i, m.action_items[i].clone()))
        })
    });
    let number = move || current.get().map(|(i, _)| i + 1).unwrap_or(0);
    let update = move |f: &dyn Fn(&mut ActionItem)| {
        draft.update(|m| {
            if let Some(a) = m.action_items.iter_mut().find(|a| a.id == aid) {
                f(a);
            }
        })
    };
    let what_id = format!("a-{aid}-what");
    let who_id = format!("a-{aid}-who");
    let due_id = format!("a-{aid}-due");
    let done_id = format!("a-{aid}-done");
    let what_error = errors.at(FormField::ActionWhat(aid));
    let due_error = errors.at(FormField::ActionDue(aid));
    let remove = move |_| {
        draft.update(|m| m.action_items.retain(|a| a.id != aid));
        errors.retain(|f| {
            !matches!(f, Some(FormField::ActionWhat(a) | FormField::ActionWho(a) | FormField::ActionDue(a)) if a == aid)
        });
        focus_later("actions-add".into());
    };
    view! {
        <li class="meet-row">
            <fieldset class="meet-row-fields action-fields">
                <legend class="meet-row-legend">{move || txt::action_legend(number())}</legend>
                <ChangeInput id=what_id label=txt::L_ACTION_WHAT maxlength=limits::NAME group_class="grow" live=true error=what_error
                    value=Signal::derive(move || current.get().map(|(_, a)| a.what).unwrap_or_default())
                    on_change=Callback::new(move |v: String| update(&|a| a.what = v.clone()))/>
                <ChangeInput id=who_id label=txt::L_ACTION_WHO maxlength=limits::NAME live=true
                    value=Signal::derive(move || current.get().map(|(_, a)| a.who).unwrap_or_default())
                    on_change=Callback::new(move |v: String| update(&|a| a.who = v.clone()))/>
                <ChangeInput id=due_id.clone() label=txt::L_ACTION_DUE hint=t::DATE_HINT maxlength=limits::DATE numeric=true input_class="date-input"
                    error=due_error
                    value=Signal::derive(move || date_field(current.get().and_then(|(_, a)| a.due)))
                    on_change=Callback::new(move |typed: String| {
                        let parsed = parse_date(&typed);
                        let unreadable = parsed.is_none() && !typed.trim().is_empty();
                        set_input_error(errors, FormField::ActionDue(aid), unreadable.then_some(t::DATE_WRONG));
                        if !unreadable { update(&|a| a.due = parsed) }
                    })/>
                <div class="checkbox action-done">
                    <input type="checkbox" id=done_id.clone()
                        prop:checked=move || current.get().is_some_and(|(_, a)| a.done)
                        on:change=move |ev| { let c = event_target_checked(&ev); update(&|a| a.done = c) }/>
                    <label for=done_id>{txt::L_ACTION_DONE}</label>
                </div>
                <button type="button" class="button secondary small row-remove" on:click=remove>
                    {move || txt::remove_action(number())}
                </button>
            </fieldset>
        </li>
    }
}
