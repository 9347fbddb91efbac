//! The questions the meeting must answer, the checklist (a family group conference's phases), and the
//! Signs of Safety scale from 0 to 10.

use super::fields::Draft;
use super::focus_later;
use crate::model::ChecklistItem;
use crate::text::meetings as txt;
use crate::ui::kit::limits;
use leptos::prelude::*;

#[component]
pub fn Questions(draft: Draft) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|m| m.questions.len()));
    let add = move |_| {
        let n = draft.with_untracked(|m| m.questions.len());
        draft.update(|m| m.questions.push(String::new()));
        focus_later(format!("q-{n}"));
    };
    view! {
        <fieldset class="form-group meet-subgroup">
            <legend class="form-label">{txt::L_QUESTIONS}</legend>
            <span class="form-hint" id="questions-hint">{txt::H_QUESTIONS}</span>
            <ol class="meet-rows questions">
                {move || (0..count.get()).map(|i| view! { <QuestionRow draft=draft index=i/> }).collect_view()}
            </ol>
            <button type="button" class="button secondary" id="questions-add" on:click=add>{txt::ADD_QUESTION}</button>
        </fieldset>
    }
}

#[component]
fn QuestionRow(draft: Draft, index: usize) -> impl IntoView {
    let id = format!("q-{index}");
    let value =
        Memo::new(move |_| draft.with(|m| m.questions.get(index).cloned().unwrap_or_default()));
    let remove = move |_| {
        draft.update(|m| {
            if index < m.questions.len() {
                m.questions.remove(index);
            }
        });
        focus_later("questions-add".into());
    };
    view! {
        <li class="question-row">
            <label class="form-label" for=id.clone()>{txt::question_label(index + 1)}</label>
            <div class="question-field">
                <textarea maxlength=limits::TEXT id=id class="form-input" rows="2"
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|m| if let Some(q) = m.questions.get_mut(index) { *q = v; });
                    }></textarea>
                <button type="button" class="button secondary small" on:click=remove>
                    {txt::remove_question(index + 1)}
                </button>
            </div>
        </li>
    }
}

#[component]
pub fn Checklist(draft: Draft) -> impl IntoView {
    let items = Memo::new(move |_| draft.with(|m| m.checklist.clone()));
    let new_label = RwSignal::new(String::new());
    let add = move || {
        let label = new_label.get_untracked().trim().to_string();
        if label.is_empty() {
            return;
        }
        draft.update(|m| {
            m.checklist.push(ChecklistItem {
                label,
                ..ChecklistItem::default()
            })
        });
        new_label.set(String::new());
    };
    let done = Memo::new(move |_| items.with(|l| (l.iter().filter(|c| c.done).count(), l.len())));
    view! {
        <fieldset class="form-group meet-subgroup">
            <legend class="form-label">{txt::L_CHECKLIST}</legend>
            <span class="form-hint">{txt::H_CHECKLIST}</span>
            <p class="muted">{move || { let (d, n) = done.get(); txt::checklist_progress(d, n) }}</p>
            <ul class="plain checklist">
                <For each=move || items.get() key=|c| c.id let:item>
                    {
                        let cid = format!("c-{}", item.id);
                        let item_id = item.id;
                        let label = item.label.clone();
                        let checked = move || draft.with(|m| m.checklist.iter().any(|x| x.id == item_id && x.done));
                        view! {
                            <li class="checkbox">
                                <input type="checkbox" id=cid.clone() prop:checked=checked
                                    on:change=move |ev| {
                                        let c = event_target_checked(&ev);
                                        draft.update(|m| if let Some(x) = m.checklist.iter_mut().find(|x| x.id == item_id) { x.done = c; });
                                    }/>
                                <label for=cid>{item.label.clone()}</label>
                                <button type="button" class="button-link small-link"
                                    on:click=move |_| {
                                        draft.update(|m| m.checklist.retain(|x| x.id != item_id));
                                        focus_later("c-new".into());
                                    }>{txt::remove_checklist_item(&label)}</button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div class="inline-form">
                <label class="form-label" for="c-new">{txt::L_CHECKLIST_NEW}</label>
                <input maxlength=limits::NAME id="c-new" class="form-input" type="text"
                    prop:value=move || new_label.get()
                    on:input=move |ev| new_label.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); add(); }/>
                <button type="button" class="button secondary" on:click=move |_| add()>{txt::ADD_CHECKLIST_ITEM}</button>
            </div>
        </fieldset>
    }
}

/// Radio buttons 0–10 and "not scored": arrow keys move along the scale.
#[component]
pub fn SafetyScale(draft: Draft, show: RwSignal<bool>) -> impl IntoView {
    let value = Memo::new(move |_| draft.with(|m| m.safety_scale));
    let visible = move || {
        show.get()
            || value.get().is_some()
            || draft.with(crate::model::templates::shows_safety_scale)
    };
    view! {
        <Show when=visible fallback=move || view! {
            <p><button type="button" class="button secondary" on:click=move |_| { show.set(true); focus_later("s-none".into()); }>{txt::ADD_SCALE}</button></p>
        }>
            <fieldset class="form-group meet-subgroup">
                <legend class="form-label">{txt::L_SCALE}</legend>
                <span class="form-hint" id="scale-hint">{txt::H_SCALE}</span>
                <div class="scale" aria-describedby="scale-hint">
                    <div class="radio scale-none">
                        <input type="radio" id="s-none" name="safety-scale" prop:checked=move || value.get().is_none()
                            on:change=move |_| draft.update(|m| m.safety_scale = None)/>
                        <label for="s-none">{txt::SCALE_NONE}</label>
                    </div>
                    {(0u8..=10).map(|n| {
                        let sid = format!("s-{n}");
                        view! {
                            <div class="scale-step">
                                <input type="radio" id=sid.clone() name="safety-scale" prop:checked=move || value.get() == Some(n)
                                    on:change=move |_| draft.update(|m| m.safety_scale = Some(n))/>
                                <label for=sid>{n.to_string()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <p class="scale-ends" aria-hidden="true"><span>{txt::SCALE_LOW}</span><span>{txt::SCALE_HIGH}</span></p>
            </fieldset>
        </Show>
    }
}
