//! The editable staircase: one column per step, lowest step to the left, interventions as cards that move
//! by drag-and-drop or by Alt+arrow keys. The editor panel for a step or an intervention opens below.

use super::ctx::{use_ctx, Panel};
use super::filter::FilterForm;
use super::intervention_form::InterventionForm;
use super::step_form::StepForm;
use crate::model::staircase_ops::MoveDirection;
use crate::model::{Id, Intervention, InterventionStatus, StepCategory};
use crate::text;
use crate::text::hyphen::hyphenate;
use crate::ui::kit::progressive::Progressive;
use leptos::ev::{DragEvent, KeyboardEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Board() -> impl IntoView {
    let ctx = use_ctx();
    let step_ids = Memo::new(move |_| {
        ctx.stair
            .with(|s| s.steps.iter().map(|st| st.id).collect::<Vec<Id>>())
    });
    let count = Memo::new(move |_| step_ids.with(|v| v.len()));
    let drawn = Progressive::start(ctx.total_interventions.get_untracked());
    view! {
        <section aria-labelledby="board-title" class="board-section">
            <div class="section-head">
                <h2 id="board-title">{text::staircase::BOARD_HEADING}</h2>
                <button type="button" class="button" id="add-step-button"
                    on:click=move |_| ctx.open_panel(Panel::NewStep, Some("add-step-button".into()))>{text::staircase::ADD_STEP}</button>
            </div>
            <FilterForm/>
            <p class="form-hint" id="move-help">
                {text::staircase::MOVE_HELP}
            </p>
            <Show when=move || count.get() == 0>
                <div class="notice">
                    <p><strong>{text::staircase::NO_STEPS}</strong></p>
                    <p>{text::staircase::NO_STEPS_HINT}</p>
                </div>
            </Show>
            <ol class="board" style=move || format!("--steps: {}", count.get().max(1)) aria-label=text::staircase::BOARD_LABEL
                aria-busy=move || drawn.busy()>
                <For each=move || step_ids.get() key=|id| *id let:id>
                    <StepColumn id=id steps=count drawn=drawn/>
                </For>
            </ol>
            <EditorPanel/>
        </section>
    }
}

#[component]
fn StepColumn(id: Id, steps: Memo<usize>, drawn: Progressive) -> impl IntoView {
    let ctx = use_ctx();
    let index = Memo::new(move |_| ctx.stair.with(|s| s.step_index(id).unwrap_or(0)));
    let head = Memo::new(move |_| {
        ctx.stair.with(|s| {
            s.step(id)
                .map(|st| {
                    (
                        st.name.clone(),
                        st.category,
                        st.description.clone(),
                        st.interventions.len(),
                    )
                })
                .unwrap_or_default()
        })
    });
    let interventions = Memo::new(move |_| {
        ctx.stair.with(|s| {
            s.step(id)
                .map(|st| st.interventions.clone())
                .unwrap_or_default()
        })
    });
    let children =
        Memo::new(move |_| {
            let m = ctx.shown.get()?;
            ctx.stair.with(|s| {
                let st = s.step(id)?;
                let ivs: i64 =
                    st.interventions
                        .iter()
                        .map(|iv| {
                            i64::from(m.count(
                                crate::model::staircase_ops::CountTarget::Intervention(iv.id),
                            ))
                        })
                        .sum();
                Some(ivs + i64::from(m.count(crate::model::staircase_ops::CountTarget::Step(id))))
            })
        });
    let heading_id = format!("step-{id}-title");
    let edit_id = format!("step-{id}-edit");
    let add_id = format!("step-{id}-add");
    let on_col_dragover = move |ev: DragEvent| {
        if ctx.dragging.get_untracked().is_some() {
            ev.prevent_default();
        }
    };
    let on_col_drop = move |ev: DragEvent| {
        ev.prevent_default();
        let Some(dragged) = ctx.dragging.get_untracked() else {
            return;
        };
        ctx.dragging.set(None);
        let at = ctx.stair.with_untracked(|s| {
            let len = s.step(id).map(|st| st.interventions.len()).unwrap_or(0);
            s.drop_index(dragged, id, len)
        });
        if let Some(at) = at {
            ctx.move_intervention(dragged, id, at);
        }
    };
    let edit_target = edit_id.clone();
    let add_target = add_id.clone();
    view! {
        <li class="step-col" style=move || format!("--rise: {}", steps.get().saturating_sub(index.get() + 1))
            class:placement=move || head.with(|h| h.1 == StepCategory::Placement)
            class:universal=move || head.with(|h| h.1 == StepCategory::Universal)
            aria-labelledby=heading_id.clone()>
            <div class="step-head">
                <h3 id=heading_id.clone()>
                    <span class="step-no">{move || text::staircase::step_no(index.get())}</span>" "
                    <span class="step-name">{move || head.with(|h| hyphenate(&h.0))}</span>
                </h3>
                <p class="step-meta">
                    <span class="tag">{move || head.with(|h| text::step_category(h.1))}</span>
                    <span>{move || head.with(|h| text::staircase::interventions(h.3))}</span>
                    {move || children.get().map(|n| view! { <span class="step-children">{text::children(n)}</span> })}
                </p>
                {move || head.with(|h| (!h.2.trim().is_empty()).then(|| view! { <p class="step-desc">{hyphenate(&h.2)}</p> }))}
                <div class="step-actions">
                    <button type="button" class="button-link" id=edit_id.clone()
                        on:click=move |_| ctx.open_panel(Panel::Step(id), Some(edit_target.clone()))>
                        {text::staircase::EDIT_STEP}<span class="visually-hidden">" "{move || head.with(|h| h.0.clone())}</span>
                    </button>
                </div>
            </div>
            <ol class="iv-list" on:dragover=on_col_dragover on:drop=on_col_drop
                aria-label=move || text::staircase::step_interventions_label(index.get())>
                <For each=move || drawn.take(interventions.get()) key=|iv| (iv.id, iv.updated_at) let:iv>
                    <Card iv=iv step_id=id/>
                </For>
            </ol>
            <button type="button" class="button secondary add-iv" id=add_id.clone()
                on:click=move |_| ctx.open_panel(Panel::NewIntervention(id), Some(add_target.clone()))>
                {text::staircase::ADD_INTERVENTION}<span class="visually-hidden">{text::staircase::ON_STEP_HIDDEN}{move || head.with(|h| h.0.clone())}</span>
            </button>
        </li>
    }
}

#[component]
fn Card(iv: Intervention, step_id: Id) -> impl IntoView {
    let ctx = use_ctx();
    let id = iv.id;
    let name = iv.name.clone();
    let is_match = move || {
        ctx.matches
            .with(|m| m.as_ref().is_some_and(|m| m.contains(&id)))
    };
    let is_miss = move || {
        ctx.matches
            .with(|m| m.as_ref().is_some_and(|m| !m.contains(&id)))
    };
    let children = move || {
        ctx.shown.with(|m| {
            m.as_ref()
                .map(|m| m.count(crate::model::staircase_ops::CountTarget::Intervention(id)))
        })
    };
    let meta: Vec<String> = [iv.provider.trim(), iv.method.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let meta = meta.join(" · ");
    let on_key = move |ev: KeyboardEvent| {
        if !ev.alt_key() {
            return;
        }
        let dir = match ev.key().as_str() {
            "ArrowUp" => MoveDirection::Up,
            "ArrowDown" => MoveDirection::Down,
            "ArrowLeft" | "PageDown" => MoveDirection::LowerStep,
            "ArrowRight" | "PageUp" => MoveDirection::HigherStep,
            _ => return,
        };
        ev.prevent_default();
        ctx.move_by_keyboard(id, dir);
    };
    let on_dragstart = move |ev: DragEvent| {
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data("text/plain", &id.to_string());
            dt.set_effect_allowed("move");
        }
        ctx.dragging.set(Some(id));
    };
    let on_dragover = move |ev: DragEvent| {
        if ctx.dragging.get_untracked().is_some_and(|d| d != id) {
            ev.prevent_default();
            // Show where it will land: above or below this card.
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let r = el.get_bounding_client_rect();
                let after = f64::from(ev.client_y()) > r.top() + r.height() / 2.0;
                let _ = el.set_attribute("data-drop", if after { "after" } else { "before" });
            }
        }
    };
    let clear_hint = move |ev: DragEvent| {
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.remove_attribute("data-drop");
        }
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        clear_hint(ev.clone());
        let Some(dragged) = ctx.dragging.get_untracked() else {
            return;
        };
        ctx.dragging.set(None);
        if dragged == id {
            return;
        }
        let after = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| {
                let r = el.get_bounding_client_rect();
                f64::from(ev.client_y()) > r.top() + r.height() / 2.0
            })
            .unwrap_or(false);
        let at = ctx.stair.with_untracked(|s| {
            let (_, ii, _) = s.find_intervention(id)?;
            s.drop_index(dragged, step_id, ii + usize::from(after))
        });
        if let Some(at) = at {
            ctx.move_intervention(dragged, step_id, at);
        }
    };
    let button_id = format!("ivb-{id}");
    let return_to = button_id.clone();
    let referral = iv.referral_required;
    let status = iv.status;
    view! {
        <li class="iv-card" draggable="true" data-testid="iv-card"
            class:match=is_match class:miss=is_miss
            class:is-dragging=move || ctx.dragging.get() == Some(id)
            on:keydown=on_key on:dragstart=on_dragstart on:dragend=move |_| ctx.dragging.set(None)
            on:dragover=on_dragover on:dragleave=clear_hint on:drop=on_drop>
            <button type="button" class="iv-name" id=button_id aria-describedby="move-help"
                on:click=move |_| ctx.open_panel(Panel::Intervention(id), Some(return_to.clone()))>
                <span class="visually-hidden">{text::staircase::EDIT_HIDDEN}</span>{hyphenate(&name)}
            </button>
            {(!meta.is_empty()).then(|| view! { <span class="iv-meta">{hyphenate(&meta)}</span> })}
            <span class="iv-tags">
                <crate::ui::merge::ConflictMark record=crate::model::record::RecordRef::new(crate::model::record::RecordKind::Intervention, id)/>
                {referral.then(|| view! { <span class="mini-tag">{text::staircase::FILTER_REFERRAL}</span> })}
                {(status != InterventionStatus::Active).then(|| view! { <span class="mini-tag">{text::intervention_status(status)}</span> })}
                {move || children().map(|n| view! { <span class="iv-children">{text::children(i64::from(n))}</span> })}
                // Shown by CSS on matching cards, so filtering creates no nodes.
                <span class="mini-tag match-tag">{text::staircase::MATCH_TAG}</span>
            </span>
        </li>
    }
}

/// The editor for a step or an intervention, in a modal dialog over the staircase (Escape closes it).
#[component]
fn EditorPanel() -> impl IntoView {
    let ctx = use_ctx();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let open = ctx.panel.get() != Panel::None;
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                let _ = d.show_modal();
            } else if !open && d.open() {
                d.close();
            }
        }
    });
    let content = move || match ctx.panel.get() {
        Panel::None => ().into_any(),
        Panel::NewStep => view! { <StepForm step=None/> }.into_any(),
        Panel::Step(id) => view! { <StepForm step=Some(id)/> }.into_any(),
        Panel::NewIntervention(step) => {
            view! { <InterventionForm step=step intervention=None/> }.into_any()
        }
        Panel::Intervention(id) => {
            let step = ctx.stair.with_untracked(|s| s.step_of(id).map(|st| st.id));
            match step {
                Some(step) => {
                    view! { <InterventionForm step=step intervention=Some(id)/> }.into_any()
                }
                None => ().into_any(),
            }
        }
    };
    view! {
        <dialog class="editor-dialog" node_ref=dialog aria-labelledby="editor-heading"
            on:cancel=move |ev: leptos::ev::Event| if !crate::ui::layout::confirm_leave(ctx.app) { ev.prevent_default() }
            on:close=move |_| if ctx.panel.get_untracked() != Panel::None { ctx.close_panel() }>
            {content}
        </dialog>
    }
}
