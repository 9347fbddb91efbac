//! Entering children per intervention, or per step for steps counted as a whole, in an accessible table.
//! Every field saves on change as one undoable edit; yearly spend = children × yearly price.

use super::ctx::use_ctx;
use crate::model::staircase_figures::measurement_figures;
use crate::model::staircase_ops::CountTarget;
use crate::model::{CostPeriod, Id, Kroner, Measurement};
use crate::text::{self, staircase as ts};
use crate::ui::kit::limits;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct StepRows {
    id: Id,
    index: usize,
    name: String,
    step_cost: Option<Kroner>,
    /// (id, name, yearly price per child, whether that price is a price per course)
    interventions: Vec<(Id, String, Option<Kroner>, bool)>,
}

#[component]
pub fn CountsTable(measurement: Id) -> impl IntoView {
    let ctx = use_ctx();
    let m = Memo::new(move |_| {
        ctx.stair
            .with(|s| s.measurement(measurement).cloned())
            .unwrap_or_default()
    });
    let layout = Memo::new(move |_| {
        ctx.stair.with(|s| {
            s.steps
                .iter()
                .enumerate()
                .map(|(i, st)| StepRows {
                    id: st.id,
                    index: i,
                    name: st.name.clone(),
                    step_cost: st.yearly_cost_per_child,
                    interventions: st
                        .interventions
                        .iter()
                        .map(|iv| {
                            (
                                iv.id,
                                iv.name.clone(),
                                iv.yearly_cost_per_child(),
                                iv.cost_period == CostPeriod::PerCourse,
                            )
                        })
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    let figures = Memo::new(move |_| m.with(|m| ctx.stair.with(|s| measurement_figures(s, m))));
    let total = Memo::new(move |_| figures.with(|f| crate::model::staircase_figures::totals(f)));
    let name = move || m.with(ts::measurement_name);
    view! {
        <table class="table counts-table" data-testid="counts-table">
            <caption>{move || ts::counts_caption(&name())}</caption>
            <thead>
                <tr>
                    <th scope="col">{ts::INTERVENTION_FORM}</th>
                    <th scope="col" class="num">{ts::COL_PRICE_PER_CHILD}</th>
                    <th scope="col" class="num">{crate::text::colleague::CHILDREN_GROUP}</th>
                    <th scope="col" class="num">{ts::COL_YEARLY_SPEND}</th>
                </tr>
            </thead>
            <For each=move || layout.get() key=|r| format!("{r:?}") let:rows>
                <StepBody rows=rows m=m measurement=measurement figures=figures/>
            </For>
            // The total is the last body, not a <tfoot>: a printed <tfoot> repeats on every page.
            <tbody>
                <tr class="total-row">
                    <th scope="row">{crate::text::meetings::COL_TOTAL}</th>
                    <td></td>
                    <td class="num" data-testid="counts-total-children">{move || text::group_thousands(total.get().children)}</td>
                    <td class="num" data-testid="counts-total-spend">{move || text::kroner(total.get().yearly_spend)}</td>
                </tr>
            </tbody>
        </table>
        <p class="muted">{move || {
            let w = total.get().children_without_cost;
            (w > 0).then(|| ts::not_counted_in_spend(w))
        }}</p>
        <p class="muted" data-testid="counts-per-course">{move || {
            ts::per_course_note(&[(name().as_str(), total.get().children_per_course)])
        }}</p>
    }
}

#[component]
fn StepBody(
    rows: StepRows,
    m: Memo<Measurement>,
    measurement: Id,
    figures: Memo<Vec<crate::model::staircase_figures::StepFigures>>,
) -> impl IntoView {
    let index = rows.index;
    let step_sum = move || {
        figures.with(|f| {
            f.get(index)
                .map(|f| {
                    format!(
                        "{} · {}",
                        text::children(f.children),
                        text::kroner(f.yearly_spend)
                    )
                })
                .unwrap_or_default()
        })
    };
    let step_label = ts::step_title(rows.index, &rows.name);
    view! {
        <tbody>
            <tr class="step-row">
                <th scope="rowgroup" colspan="3">{step_label.clone()}</th>
                <td class="num">{step_sum}</td>
            </tr>
            {rows.interventions.into_iter().map(|(id, name, cost, per_course)| view! {
                <CountRow target=CountTarget::Intervention(id) prefix=ts::CHILDREN_IN_HIDDEN visible=name suffix=String::new() cost=cost per_course=per_course m=m measurement=measurement/>
            }).collect_view()}
            <CountRow target=CountTarget::Step(rows.id) prefix=ts::CHILDREN_HIDDEN visible=ts::COUNTED_ON_STEP.into()
                suffix=format!(", {step_label}") cost=rows.step_cost m=m measurement=measurement/>
        </tbody>
    }
}

#[component]
fn CountRow(
    target: CountTarget,
    prefix: &'static str,
    visible: String,
    suffix: String,
    cost: Option<Kroner>,
    #[prop(optional)] per_course: bool,
    m: Memo<Measurement>,
    measurement: Id,
) -> impl IntoView {
    let ctx = use_ctx();
    let count = Memo::new(move |_| m.with(|m| m.count(target)));
    let raw = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let key = match target {
        CountTarget::Intervention(id) => format!("count-i-{id}"),
        CountTarget::Step(id) => format!("count-s-{id}"),
    };
    let error_id = format!("{key}-error");
    let eid = error_id.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        match crate::text::parse_whole(&v) {
            Ok(n) => {
                let n = n.unwrap_or(0);
                error.set(None);
                raw.set(None);
                if n != count.get_untracked() {
                    if let Err(e) = ctx.edit(|s| s.set_count(measurement, target, n)) {
                        error.set(Some(e));
                    }
                }
            }
            Err(e) => {
                raw.set(Some(v));
                error.set(Some(e));
            }
        }
    };
    let spend = move || match cost {
        Some(c) => text::kroner(i64::from(count.get()).saturating_mul(c)),
        None if count.get() > 0 => ts::UNKNOWN_PRICE.into(),
        None => "–".into(),
    };
    let is_step = matches!(target, CountTarget::Step(_));
    view! {
        <tr class:whole-step=is_step>
            <td><label for=key.clone()><span class="visually-hidden">{prefix}</span>{visible}<span class="visually-hidden">{suffix}</span></label>
                {move || error.get().map(|e| view! { <span class="form-error" id=eid.clone()>{e}</span> })}
            </td>
            <td class="num">
                {cost.map(text::kroner).unwrap_or_else(|| ts::NO_PRICE.into())}
                {(per_course && cost.is_some()).then(|| view! { <span class="cell-note">{ts::per_course_rule()}</span> })}
            </td>
            <td class="num">
                <input maxlength=limits::NUMBER id=key class="form-input count-input" type="text" inputmode="numeric" autocomplete="off"
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=move || error.get().map(|_| error_id.clone())
                    prop:value=move || raw.get().unwrap_or_else(|| count.get().to_string())
                    on:change=on_change/>
            </td>
            <td class="num">{spend}</td>
        </tr>
    }
}
