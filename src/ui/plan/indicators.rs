//! Indicators (Slagelse style): baseline, target and measured values, a small SVG chart with a text
//! alternative (a sentence and a table), and forms to add values and edit the indicator.

use super::fields::{Field, SelectField};
use super::{commit, commit_form, date_input_value, today, with_plan, with_plan_untracked};
use crate::app::use_app;
use crate::browser::address::at;
use crate::model::plan_ops::{
    measurements_in_order, ordered_ids, parse_date, sorted_goals, value_warning,
    values_before_baseline, MeasurementRow, PlanField, ValueWarning,
};
use crate::model::record::RecordKind;
use crate::model::sorting::StableSort;
use crate::model::{Id, Indicator};
use crate::text::{self, plan as tp};
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::chart::Frame;
use crate::ui::kit::confirm::ConfirmButton;
use crate::ui::kit::errors::{FieldError, FormErrors, GeneralError};
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub(crate) fn IndicatorsView() -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| {
        with_plan(app, |p| {
            p.indicators.iter().map(|i| i.id).collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let adding = RwSignal::new(false);
    view! {
        <super::PlanHeading title=tp::PAGE_INDICATORS>
            <p class="lead">{tp::INDICATORS_LEAD}</p>
        </super::PlanHeading>
        <div class="button-row no-print">
            <button type="button" class="button" aria-expanded=move || adding.get().to_string()
                on:click=move |_| adding.update(|a| *a = !*a)>{tp::NEW_INDICATOR}</button>
            <super::list::ExportButtons/>
        </div>
        <Show when=move || adding.get()>
            <section class="panel" aria-labelledby="ind-new-heading">
                <h2 id="ind-new-heading">{tp::NEW_INDICATOR}</h2>
                <IndicatorForm existing=None done=Callback::new(move |_| adding.set(false))/>
            </section>
        </Show>
        <Show when=move || list.with(|l| !l.is_empty()) fallback=|| view! { <p class="notice">{tp::NO_INDICATORS}</p> }>
            // Keyed by id alone: a save elsewhere redraws the card's figures, never its open forms.
            <For each=move || list.get() key=|k| *k let:k>
                <IndicatorCard id=k/>
            </For>
        </Show>
    }
}

#[component]
fn IndicatorCard(id: Id) -> impl IntoView {
    let app = use_app();
    let ind = Memo::new(move |_| {
        with_plan(app, |p| {
            let i = p.indicator(id).cloned()?;
            let goal = i.goal_id.and_then(|g| p.goal(g)).map(tp::goal_label);
            let ini = i
                .initiative_id
                .and_then(|x| p.initiative(x))
                .map(|x| (x.id, tp::initiative_label(&x.number, &x.title)));
            Some((i, goal, ini))
        })
        .flatten()
    });
    let editing = RwSignal::new(false);
    let heading_id = format!("indikator-{id}");
    let name = Memo::new(move |_| {
        ind.with(|i| {
            i.as_ref()
                .map(|(i, _, _)| i.name.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="plan-indicator" aria-labelledby=heading_id.clone()>
            {let heading_id = heading_id.clone(); move || ind.get().map(|(i, goal, ini)| {
                let summary = tp::indicator_summary(&i, None);
                view! {
                    <h2 id=heading_id.clone()>{i.name.clone()}</h2>
                    <div class="plan-indicator-grid">
                        <div>
                            <dl class="facts">
                                <dt>{tp::L_UNIT}</dt><dd>{if i.unit.is_empty() { "–".to_string() } else { i.unit.clone() }}</dd>
                                <dt>{tp::L_BASELINE}</dt><dd>{value_text(i.baseline, &i.unit, i.baseline_date)}</dd>
                                <dt>{crate::text::meetings::COL_TARGET}</dt><dd>{value_text(i.target, &i.unit, i.target_date)}</dd>
                                <dt>{tp::L_PROGRESS}</dt><dd>{tp::progress(crate::model::plan_ops::progress(&i, None))}</dd>
                                {goal.map(|g| view! { <dt>{tp::L_GOAL}</dt><dd>{g}</dd> })}
                                {ini.map(|(iid, l)| view! { <dt>{tp::INITIATIVE_FORM}</dt><dd><a href=at(&format!("/handleplan/{iid}"))>{l}</a></dd> })}
                            </dl>
                            <p class="plan-indicator-summary">{summary.clone()}</p>
                        </div>
                        <Chart ind=i.clone() summary=summary/>
                    </div>
                    <ValuesTable ind=i.clone()/>
                }
            })}
            <AddValueForm id=id name=name.get_untracked()/>
            <div class="button-row no-print">
                <button type="button" class="button secondary" aria-expanded=move || editing.get().to_string()
                    on:click=move |_| editing.update(|e| *e = !*e)>{tp::EDIT_INDICATOR}<span class="visually-hidden">{move || format!(" {}", name.get())}</span></button>
                {move || view! {
                    <ConfirmButton label=tp::DELETE_INDICATOR.into() danger=true size="plan-small" confirm_label=crate::text::ui::YES_DELETE.into() name=name.get()
                        question=tp::DELETE_INDICATOR_QUESTION.into()
                        on_confirm=Callback::new(move |_| { let _ = commit(app, |p| p.delete_indicator(id)); })/>
                }}
            </div>
            <Show when=move || editing.get()>
                <div class="panel">
                    <IndicatorForm existing=Some(id) done=Callback::new(move |_| editing.set(false))/>
                </div>
            </Show>
        </section>
    }
}

fn value_text(v: Option<f64>, unit: &str, d: Option<NaiveDate>) -> String {
    match (v, d) {
        (Some(v), Some(d)) => tp::value_on(&tp::with_unit(v, unit), &text::date_short(d)),
        (Some(v), None) => tp::with_unit(v, unit),
        (None, _) => crate::text::meetings::NOT_STATED.into(),
    }
}

/// A line chart of the measured values, with the baseline as the first point and the target as a dashed
/// line. `role="img"` with a title and the sentence as description; the table below is the full alternative.
#[component]
fn Chart(ind: Indicator, summary: String) -> impl IntoView {
    const F: Frame = Frame::new(420.0, 200.0, [48.0, 16.0, 20.0, 28.0]);
    let mut points: Vec<(NaiveDate, f64, bool)> = Vec::new();
    if let (Some(b), Some(d)) = (ind.baseline, ind.baseline_date) {
        points.push((d, b, true));
    }
    for v in &ind.values {
        if let Some(d) = v.date {
            points.push((d, v.value, false));
        }
    }
    points.stable_sort_by_key(|p| p.0);
    let title_id = format!("graf-titel-{}", ind.id);
    let desc_id = format!("graf-beskrivelse-{}", ind.id);
    if points.is_empty() {
        return view! { <p class="muted plan-chart-empty">{tp::NO_DATED_VALUES}</p> }.into_any();
    }
    let mut lo = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let mut hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    if let Some(t) = ind.target {
        lo = lo.min(t);
        hi = hi.max(t);
    }
    if (hi - lo).abs() < 1e-9 {
        lo -= 1.0;
        hi += 1.0;
    }
    let pad = (hi - lo) * 0.1;
    lo = if lo >= 0.0 && lo - pad < 0.0 {
        0.0
    } else {
        lo - pad
    };
    hi += pad;
    let first = points[0].0;
    let last_point = points[points.len() - 1].0;
    let last = ind
        .target_date
        .filter(|d| *d > last_point)
        .unwrap_or(last_point);
    let span = ((last - first).num_days().max(1)) as f64;
    let x = move |d: NaiveDate| F.left + F.plot_w() * ((d - first).num_days() as f64 / span);
    let y = move |v: f64| F.y(v, lo, hi);
    let path: String = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{:.1},{:.1}",
                if i == 0 { "M" } else { " L" },
                x(p.0),
                y(p.1)
            )
        })
        .collect();
    let target_line = ind
        .target
        .map(|t| (y(t), tp::target_line(&tp::with_unit(t, &ind.unit))));
    let marks = points
        .iter()
        .map(|p| (x(p.0), y(p.1), p.2))
        .collect::<Vec<_>>();
    view! {
        <svg class="plan-chart" viewBox=F.view_box() role="img"
            aria-labelledby=title_id.clone() aria-describedby=desc_id.clone()>
            <title id=title_id.clone()>{tp::chart_title(&ind.name)}</title>
            <desc id=desc_id.clone()>{summary}</desc>
            <line x1=F.left y1=F.bottom_y() x2=F.right_x() y2=F.bottom_y() class="plan-chart-axis"></line>
            <line x1=F.left y1=F.top x2=F.left y2=F.bottom_y() class="plan-chart-axis"></line>
            <text x=F.left - 6.0 y=y(hi) + 4.0 text-anchor="end" class="plan-chart-label">{text::number(hi.round())}</text>
            <text x=F.left - 6.0 y=y(lo) + 4.0 text-anchor="end" class="plan-chart-label">{text::number(lo.round())}</text>
            <text x=F.left y=F.height - 8.0 class="plan-chart-label">{text::date_short(first)}</text>
            <text x=F.right_x() y=F.height - 8.0 text-anchor="end" class="plan-chart-label">{text::date_short(last)}</text>
            <g class="plan-chart-target-group">
                {target_line.map(|(ty, label)| view! {
                    <line x1=F.left y1=ty x2=F.right_x() y2=ty class="plan-chart-target"></line>
                    <text x=F.right_x() y=ty - 5.0 text-anchor="end" class="plan-chart-label">{label}</text>
                })}
            </g>
            <path d=path class="plan-chart-line"></path>
            <g>
                {marks.into_iter().map(|(cx, cy, baseline)| {
                    if baseline {
                        // The baseline is a square, the measurements circles: told by shape, not colour.
                        view! { <rect x=cx - 4.0 y=cy - 4.0 width="8" height="8" class="plan-chart-baseline"></rect> }.into_any()
                    } else {
                        view! { <circle cx=cx cy=cy r="4" class="plan-chart-point"></circle> }.into_any()
                    }
                }).collect_view()}
            </g>
        </svg>
    }
    .into_any()
}

/// The baseline and the measurements in date order; a measurement before the baseline is marked.
#[component]
fn ValuesTable(ind: Indicator) -> impl IntoView {
    let app = use_app();
    let id = ind.id;
    let rows = measurements_in_order(&ind)
        .into_iter()
        .map(|row| match row {
            MeasurementRow::Baseline => view! {
                <tr class="plan-baseline-row">
                    <td>{ind.baseline_date.map(text::date_short).unwrap_or_else(|| "–".into())}</td>
                    <td class="num">{ind.baseline.map(|b| tp::with_unit(b, &ind.unit))}</td>
                    <td>{tp::L_BASELINE}</td>
                    <td class="no-print"></td>
                </tr>
            }
            .into_any(),
            MeasurementRow::Value(v) => {
                let vid = v.id;
                let when = v.date.map(text::date_short).unwrap_or_else(|| tp::NO_DATE.into());
                let early = value_warning(&ind, v.date).is_some();
                view! {
                    <tr>
                        <td>{when.clone()}{early.then(|| view! {
                            " "<span class="plan-before-baseline">"("{tp::BEFORE_BASELINE_MARK}")"</span>
                        })}</td>
                        <td class="num">{tp::with_unit(v.value, &ind.unit)}</td>
                        <td>{v.note.clone()}</td>
                        <td class="no-print">
                            <ConfirmButton label=tp::DELETE.into() danger=true size="plan-small" confirm_label=crate::text::ui::YES_DELETE.into() name=tp::measurement_from(&when)
                                question=tp::delete_measurement_question(&when)
                                on_confirm=Callback::new(move |_| { let _ = commit(app, |p| p.delete_value(id, vid)); })/>
                        </td>
                    </tr>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <table class="table plan-values">
            <caption>{tp::measurements_caption(&ind.name)}</caption>
            <thead><tr><th scope="col">{tp::L_DATE}</th><th scope="col" class="num">{tp::L_VALUE}</th><th scope="col">{tp::L_NOTE}</th><th scope="col" class="no-print">{tp::ACTIONS_COLUMN}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn AddValueForm(id: Id, name: String) -> impl IntoView {
    let touched = crate::ui::common::form_draft(tp::new_measurement_for(&name));
    let app = use_app();
    let date = RwSignal::new(date_input_value(Some(today())));
    let value = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = FormErrors::<PlanField>::new();
    let p = format!("maaling-{id}");
    // Warned while typing and after adding: kept, since an older figure may belong in the series.
    let date_warning = Signal::derive(move || {
        let typed = parse_date(&date.get());
        with_plan(app, |pl| {
            pl.indicator(id).and_then(|i| value_warning(i, typed))
        })
        .flatten()
        .map(|ValueWarning::BeforeBaseline { baseline_date }| tp::before_baseline(baseline_date))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.clear();
        let Some(d) = parse_date(&date.get_untracked()) else {
            error.set_one(FieldError::at(PlanField::Dates, tp::INVALID_DATE));
            return;
        };
        let v = match text::parse_decimal(&value.get_untracked()) {
            Ok(Some(v)) => v,
            Ok(None) => {
                error.set_one(FieldError::at(PlanField::Value, tp::INVALID_NUMBER));
                return;
            }
            Err(e) => {
                error.set_one(FieldError::at(PlanField::Value, e));
                return;
            }
        };
        match commit(app, |pl| pl.add_value(id, d, v, &note.get_untracked())) {
            Ok(_) => {
                // A fresh form for the next measurement (the card is no longer drawn anew on a save).
                value.set(String::new());
                note.set(String::new());
                touched.saved();
                app.info(tp::MEASUREMENT_ADDED)
            }
            Err(e) => error.put(
                e,
                &[PlanField::Dates, PlanField::Value, PlanField::NoteText],
            ),
        }
    };
    view! {
        <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="plan-add-value no-print" on:submit=submit novalidate aria-label=tp::new_measurement_for(&name)>
            <h3>{tp::NEW_MEASUREMENT}</h3>
            <div class="plan-form-row">
                <Field id=format!("{p}-date") label=tp::L_MEASUREMENT_DATE kind="date" value=date field=PlanField::Dates error=error
                    warning=date_warning/>
                <Field id=format!("{p}-value") label=tp::L_VALUE value=value field=PlanField::Value error=error
                    hint=tp::H_VALUE class="plan-narrow"/>
                <Field id=format!("{p}-note") label=tp::L_NOTE_OPTIONAL value=note field=PlanField::NoteText error=error/>
            </div>
            <GeneralError errors=error/>
            <button type="submit" class="button">{tp::ADD_MEASUREMENT}</button>
        </form>
    }
}

fn opt_number(s: &str, field: PlanField) -> Result<Option<f64>, FieldError<PlanField>> {
    text::parse_decimal(s).map_err(|e| FieldError::at(field, e))
}

fn opt_day(s: &str, field: PlanField) -> Result<Option<NaiveDate>, FieldError<PlanField>> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    parse_date(s)
        .map(Some)
        .ok_or_else(|| FieldError::at(field, tp::INVALID_DATE))
}

fn num_input(v: Option<f64>) -> String {
    v.map(|v| text::number(v).replace('.', ""))
        .unwrap_or_default()
}

#[component]
fn IndicatorForm(existing: Option<Id>, done: Callback<()>) -> impl IntoView {
    let touched = crate::ui::common::form_draft(tp::INDICATOR_FORM);
    let app = use_app();
    let base = existing
        .and_then(|id| with_plan_untracked(app, |p| p.indicator(id).cloned()).flatten())
        .unwrap_or_default();
    let base = StoredValue::new(base);
    let merge = FormMerge::of_record("ind", RecordKind::Indicator, existing);
    let b = base.get_value();
    let name = RwSignal::new(b.name.clone());
    let unit = RwSignal::new(b.unit.clone());
    let baseline = RwSignal::new(num_input(b.baseline));
    let baseline_date = RwSignal::new(date_input_value(b.baseline_date));
    let target = RwSignal::new(num_input(b.target));
    let target_date = RwSignal::new(date_input_value(b.target_date));
    let goal = RwSignal::new(b.goal_id.map(|i| i.to_string()).unwrap_or_default());
    let initiative = RwSignal::new(b.initiative_id.map(|i| i.to_string()).unwrap_or_default());
    let error = FormErrors::<PlanField>::new();
    let p = existing
        .map(|i| format!("ind-{i}"))
        .unwrap_or_else(|| "ind-ny".into());
    let baseline_warning = Signal::derive(move || {
        let ind = Indicator {
            baseline_date: parse_date(&baseline_date.get()),
            ..base.get_value()
        };
        let n = values_before_baseline(&ind);
        (n > 0).then(|| tp::values_before_baseline(n))
    });
    let goal_options = Signal::derive(move || {
        let mut v = vec![(String::new(), tp::NO_GOAL_CHOICE.to_string())];
        v.extend(
            with_plan(app, |p| {
                sorted_goals(p)
                    .into_iter()
                    .map(|g| (g.id.to_string(), tp::goal_label(g)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
        );
        v
    });
    let initiative_options = Signal::derive(move || {
        let mut v = vec![(String::new(), tp::NO_INITIATIVE_CHOICE.to_string())];
        v.extend(
            with_plan(app, |p| {
                ordered_ids(p)
                    .into_iter()
                    .filter_map(|i| p.initiative(i))
                    .map(|i| (i.id.to_string(), tp::initiative_label(&i.number, &i.title)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
        );
        v
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.clear();
        let build = || -> Result<Indicator, FieldError<PlanField>> {
            Ok(Indicator {
                name: name.get_untracked(),
                unit: unit.get_untracked(),
                baseline: opt_number(&baseline.get_untracked(), PlanField::Baseline)?,
                baseline_date: opt_day(&baseline_date.get_untracked(), PlanField::Baseline)?,
                target: opt_number(&target.get_untracked(), PlanField::Target)?,
                target_date: opt_day(&target_date.get_untracked(), PlanField::Target)?,
                goal_id: goal.get_untracked().parse().ok(),
                initiative_id: initiative.get_untracked().parse().ok(),
                ..base.get_value()
            })
        };
        let result = build().and_then(|ind| {
            commit_form(app, merge, |pl| match existing {
                Some(_) => pl.update_indicator(ind),
                None => pl.add_indicator(ind).map(|_| ()),
            })
        });
        match result {
            Ok(None) => {}
            Ok(Some(())) => {
                app.info(tp::INDICATOR_SAVED);
                done.run(());
            }
            Err(e) => error.put(
                e,
                &[
                    PlanField::Name,
                    PlanField::Unit,
                    PlanField::Baseline,
                    PlanField::Target,
                ],
            ),
        }
    };
    view! {
        <form on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) class="form" on:submit=submit novalidate>
            <Field id=format!("{p}-name") label=crate::text::data::COL_NAME value=name field=PlanField::Name error=error required=true
                hint=tp::H_INDICATOR_NAME/>
            <Field id=format!("{p}-unit") label=tp::L_UNIT value=unit field=PlanField::Unit error=error hint=tp::H_UNIT/>
            <div class="plan-form-row">
                <Field id=format!("{p}-baseline") label=tp::L_BASELINE value=baseline field=PlanField::Baseline error=error hint=tp::H_BASELINE/>
                <Field id=format!("{p}-baseline-date") label=tp::L_BASELINE_DATE kind="date" value=baseline_date error=error
                    warning=baseline_warning/>
            </div>
            <div class="plan-form-row">
                <Field id=format!("{p}-target") label=crate::text::meetings::COL_TARGET value=target field=PlanField::Target error=error hint=tp::H_TARGET/>
                <Field id=format!("{p}-target-date") label=tp::L_TARGET_DATE kind="date" value=target_date error=error/>
            </div>
            <div class="plan-form-row">
                <SelectField id=format!("{p}-goal") label=tp::L_LINKED_GOAL value=goal options=goal_options/>
                <SelectField id=format!("{p}-initiative") label=tp::L_LINKED_INITIATIVE value=initiative options=initiative_options/>
            </div>
            <GeneralError errors=error/>
            <ConflictChoices merge=merge/>
            <div class="button-row">
                <button type="submit" class="button">{if existing.is_some() { tp::SAVE_INDICATOR } else { tp::CREATE_INDICATOR }}</button>
                <button type="button" class="button secondary" on:click=move |_| done.run(())>{tp::CANCEL}</button>
            </div>
        </form>
    }
}
