//! What if: move N children from one intervention or step to another in a copy of a measurement, see the
//! yearly effect at once, and keep the result as a new (scenario) measurement.

use super::compare::MeasurementSelect;
use super::ctx::use_ctx;
use crate::model::staircase_figures::{measurement_figures, totals, what_if};
use crate::model::staircase_ops::CountTarget;
use crate::model::Id;
use crate::text::staircase as ts;
use crate::ui::kit::field::TextInput;
use crate::ui::kit::limits;
use leptos::prelude::*;

fn target_value(t: CountTarget) -> String {
    match t {
        CountTarget::Intervention(id) => format!("i:{id}"),
        CountTarget::Step(id) => format!("s:{id}"),
    }
}

fn parse_target(v: &str) -> Option<CountTarget> {
    let (kind, id) = v.split_once(':')?;
    let id: Id = id.parse().ok()?;
    match kind {
        "i" => Some(CountTarget::Intervention(id)),
        "s" => Some(CountTarget::Step(id)),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Group {
    label: String,
    options: Vec<(String, String)>,
}

#[component]
fn TargetSelect(
    id: &'static str,
    label: &'static str,
    groups: Memo<Vec<Group>>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="form-label" for=id>{label}</label>
            <select id=id class="form-select" prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="">{crate::text::data::CHOOSE}</option>
                {move || groups.get().into_iter().map(|g| view! {
                    <optgroup label=g.label>
                        {g.options.into_iter().map(|(v, n)| {
                            let v2 = v.clone();
                            view! { <option value=v selected=move || value.get() == v2>{n}</option> }
                        }).collect_view()}
                    </optgroup>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn WhatIfView() -> impl IntoView {
    let touched = crate::ui::common::form_draft(ts::WHATIF_FORM);
    let ctx = use_ctx();
    let want_base = RwSignal::new(None::<Id>);
    let base = Memo::new(move |_| {
        let w = want_base.get();
        ctx.stair.with(|s| {
            w.filter(|id| s.measurement(*id).is_some())
                .or_else(|| s.measurements.first().map(|m| m.id))
        })
    });
    let groups = Memo::new(move |_| {
        ctx.stair.with(|s| {
            s.steps
                .iter()
                .enumerate()
                .map(|(i, st)| {
                    let mut options: Vec<(String, String)> = st
                        .interventions
                        .iter()
                        .map(|iv| {
                            (
                                target_value(CountTarget::Intervention(iv.id)),
                                iv.name.clone(),
                            )
                        })
                        .collect();
                    options.push((
                        target_value(CountTarget::Step(st.id)),
                        ts::step_as_whole(&st.name),
                    ));
                    Group {
                        label: ts::step_title(i, &st.name),
                        options,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let n = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<String>);
    // The result, recomputed on every change of the inputs: Ok(effect) or an error for a field.
    let result = Memo::new(move |_| {
        let (Some(base), Some(f), Some(t)) = (
            base.get(),
            parse_target(&from.get()),
            parse_target(&to.get()),
        ) else {
            return None;
        };
        let count = match crate::text::parse_whole(&n.get()) {
            Ok(Some(c)) => c,
            Ok(None) => return None,
            Err(e) => return Some(Err(e)),
        };
        let nm = name.get();
        Some(ctx.stair.with(|s| {
            what_if(
                s,
                base,
                f,
                t,
                count,
                ts::scenario_label(s, base, f, t, count, &nm),
            )
            .map(|w| {
                let before = s
                    .measurement(base)
                    .map(|m| totals(&measurement_figures(s, m)).yearly_spend)
                    .unwrap_or(0);
                let after = before.saturating_add(w.spend_delta);
                (w, before, after)
            })
            .map_err(|e| ts::error(&e))
        }))
    });
    let n_error = move || result.with(|r| r.as_ref().and_then(|r| r.as_ref().err().cloned()));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok((w, _, _))) = result.get_untracked() else {
            return;
        };
        let m = w.measurement.clone();
        let mname = m.name.clone();
        match ctx.edit(|s| s.add_measurement(m)) {
            Ok(_) => {
                touched.saved();
                saved.set(Some(ts::saved_as_measurement(&mname)));
                ctx.say(ts::saved_as_measurement(&mname));
                n.set(String::new());
                name.set(String::new());
            }
            Err(e) => saved.set(Some(e)),
        }
    };
    let enough = Memo::new(move |_| {
        ctx.stair
            .with(|s| !s.measurements.is_empty() && !s.steps.is_empty())
    });
    view! {
        <section aria-labelledby="whatif-title">
            <h2 id="whatif-title">{ts::WHATIF_HEADING}</h2>
            <Show when=move || enough.get()
                fallback=|| view! { <p>{ts::WHATIF_NEEDS}</p> }>
                <p>{ts::WHATIF_LEAD}</p>
                <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="form whatif" on:submit=save novalidate>
                    <MeasurementSelect id="whatif-base" label=ts::WHATIF_BASE value=base set=want_base/>
                    <TargetSelect id="whatif-from" label=ts::WHATIF_FROM groups=groups value=from/>
                    <TargetSelect id="whatif-to" label=crate::text::plan::L_TO groups=groups value=to/>
                    <TextInput id="whatif-n" label=crate::text::staircase::WHATIF_N value=n error=Signal::derive(n_error) numeric=true maxlength=limits::NUMBER
                        hint=crate::text::staircase::WHATIF_N_HINT on_input=Callback::new(move |_| saved.set(None))/>
                    <TextInput id="whatif-name" label=crate::text::staircase::WHATIF_NAME value=name
                        hint=crate::text::staircase::WHATIF_NAME_HINT/>
                    <div class="whatif-result" aria-live="polite" data-testid="whatif-result">
                        {move || result.get().and_then(|r| r.ok()).map(|(w, before, after)| view! {
                            <p class="summary">{ts::what_if_effect(&w)}</p>
                            <p>{ts::spend_before_after(before, after)}</p>
                        })}
                    </div>
                    <button type="submit" class="button" disabled=move || !matches!(result.get(), Some(Ok(_)))>{ts::SAVE_AS_MEASUREMENT}</button>
                    {move || saved.get().map(|s| view! { <p role="status">{s}</p> })}
                </form>
            </Show>
        </section>
    }
}
