//! Named measurements: list with totals and caseload, create/edit/delete, and the count table.

use super::counts::CountsTable;
use super::ctx::{focus_later, measurement_options, parse_id, use_ctx};
use super::moves::{MoveRows, MovesFieldset};
use crate::model::record::RecordKind;
use crate::model::staircase_figures::{caseload, measurement_figures, totals};
use crate::model::staircase_ops::StaircaseField;
use crate::model::{Id, Measurement, MeasurementKind};
use crate::text::{self, staircase as ts};
use crate::ui::common::{ConflictChoices, FormMerge};
use crate::ui::kit::errors::{FieldError, FormErrors};
use crate::ui::kit::field::TextInput;
use crate::ui::kit::limits;
use chrono::NaiveDate;
use leptos::prelude::*;

const KINDS: [(MeasurementKind, &str); 4] = [
    (MeasurementKind::Baseline, "baseline"),
    (MeasurementKind::Actual, "actual"),
    (MeasurementKind::Target, "target"),
    (MeasurementKind::Scenario, "scenario"),
];

#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: Id,
    name: String,
    kind: MeasurementKind,
    date: Option<NaiveDate>,
    children: i64,
    spend: i64,
    caseworkers: Option<u32>,
    caseload: Option<f64>,
    moves: usize,
    made_up: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Form {
    Closed,
    New,
    Edit(Id),
}

#[component]
pub fn MeasurementsView() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| {
        ctx.stair.with(|s| {
            s.measurements
                .iter()
                .map(|m| {
                    let t = totals(&measurement_figures(s, m));
                    Row {
                        id: m.id,
                        name: ts::measurement_name(m),
                        kind: m.kind,
                        date: m.date,
                        children: t.children,
                        spend: t.yearly_spend,
                        caseworkers: m.caseworkers,
                        caseload: caseload(s, m),
                        moves: m.moves.len(),
                        made_up: m.made_up,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let form = RwSignal::new(Form::Closed);
    // The measurement whose counts are edited; defaults to the first one.
    let counting = RwSignal::new(None::<Id>);
    let counting_id = Memo::new(move |_| {
        let want = counting.get();
        ctx.stair.with(|s| {
            want.filter(|id| s.measurement(*id).is_some())
                .or_else(|| s.measurements.first().map(|m| m.id))
        })
    });
    let options = Memo::new(move |_| ctx.stair.with(measurement_options));
    let has_steps = Memo::new(move |_| ctx.stair.with(|s| !s.steps.is_empty()));
    view! {
        <section aria-labelledby="m-list-title">
            <div class="section-head">
                <h2 id="m-list-title">{ts::SUBNAV_MEASUREMENTS}</h2>
                <div class="button-row">
                    <button type="button" class="button" id="new-measurement" on:click=move |_| { form.set(Form::New); focus_later("m-form-heading".into()); }>{crate::text::plan::NEW_MEASUREMENT}</button>
                    <a class="button secondary" href=crate::browser::address::at(&format!("/trappe/maalinger/{}", crate::ui::sheet_import::ROUTE))>{crate::text::sheet_import::OPEN_IMPORT}</a>
                </div>
            </div>
            <Show when=move || !rows.with(|r| r.is_empty())
                fallback=|| view! { <p>{ts::NO_MEASUREMENTS}</p> }>
                <table class="table" data-testid="measurement-list">
                    <caption class="visually-hidden">{ts::SUBNAV_MEASUREMENTS}</caption>
                    <thead><tr>
                        <th scope="col">{crate::text::data::COL_NAME}</th><th scope="col">{crate::text::meetings::COL_TYPE}</th><th scope="col">{crate::text::meetings::COL_DATE}</th>
                        <th scope="col" class="num">{crate::text::colleague::CHILDREN_GROUP}</th><th scope="col" class="num">{ts::COL_YEARLY_SPEND}</th>
                        <th scope="col" class="num">{crate::text::overview::COL_CASEWORKERS}</th><th scope="col">{crate::text::overview::TITLE_CASELOAD}</th>
                        <th scope="col">{ts::MOVES_COLUMN}</th><th scope="col">{crate::text::data::COL_ACTIONS}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| format!("{r:?}") let:r>
                            <MeasurementRow row=r form=form counting=counting/>
                        </For>
                    </tbody>
                </table>
            </Show>
            {move || match form.get() {
                Form::Closed => ().into_any(),
                Form::New => view! { <MeasurementForm id=None form=form counting=counting/> }.into_any(),
                Form::Edit(id) => view! { <MeasurementForm id=Some(id) form=form counting=counting/> }.into_any(),
            }}
        </section>
        <Show when=move || counting_id.get().is_some()>
            <section aria-labelledby="counts-title">
                <h2 id="counts-title">{ts::MOVE_CHILDREN}</h2>
                <Show when=move || has_steps.get() fallback=|| view! { <p>{ts::COUNTS_NEED_STEPS}</p> }>
                    <div class="form-group">
                        <label class="form-label" for="counts-measurement">{ts::COUNTS_MEASUREMENT_LABEL}</label>
                        <span class="form-hint" id="counts-measurement-hint">{ts::COUNTS_MEASUREMENT_HINT}</span>
                        <select id="counts-measurement" class="form-select narrow" aria-describedby="counts-measurement-hint"
                            prop:value=move || counting_id.get().map(|i| i.to_string()).unwrap_or_default()
                            on:change=move |ev| counting.set(parse_id(&event_target_value(&ev)))>
                            {move || options.get().into_iter().map(|(id, n)| view! {
                                <option value=id.to_string() selected=move || counting_id.get() == Some(id)>{n}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    {move || counting_id.get().map(|id| view! { <CountsTable measurement=id/> })}
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn MeasurementRow(row: Row, form: RwSignal<Form>, counting: RwSignal<Option<Id>>) -> impl IntoView {
    let ctx = use_ctx();
    let id = row.id;
    let name = row.name.clone();
    let hidden = move || view! { <span class="visually-hidden">" "{name.clone()}</span> };
    let hidden2 = hidden.clone();
    let delete_name = row.name.clone();
    view! {
        <tr>
            <th scope="row">{row.name.clone()}{row.made_up.then(|| view! { " "<span class="tag" data-testid="made-up-tag">{ts::MADE_UP_TAG}</span> })}</th>
            <td>{text::measurement_kind(row.kind)}</td>
            <td>{text::opt_date_long(row.date)}</td>
            <td class="num">{text::group_thousands(row.children)}</td>
            <td class="num">{text::kroner(row.spend)}</td>
            <td class="num">{row.caseworkers.map(|c| c.to_string()).unwrap_or_else(|| "–".into())}</td>
            <td data-testid="caseload">{ts::caseload(row.caseload)}</td>
            <td data-testid="moves">{ts::moves_count(row.moves)}</td>
            <td class="actions">
                <button type="button" class="button secondary" on:click=move |_| { form.set(Form::Edit(id)); focus_later("m-form-heading".into()); }>{ts::EDIT}{hidden}</button>
                <button type="button" class="button secondary" on:click=move |_| { counting.set(Some(id)); focus_later("counts-measurement".into()); }>{ts::COUNT_CHILDREN}{hidden2}</button>
                <super::super::common::ConfirmButton label=crate::text::data::delete_named(&row.name) question=ts::DELETE_MEASUREMENT_QUESTION.into()
                    confirm_label=ts::YES_DELETE_MEASUREMENT.into() danger=true
                    on_confirm=Callback::new(move |_| match ctx.edit(|s| s.delete_measurement(id).map(|_| ())) {
                        Ok(()) => ctx.say(ts::measurement_deleted(&delete_name)),
                        Err(e) => ctx.app.error(e),
                    })/>
            </td>
        </tr>
    }
}

#[component]
fn MeasurementForm(
    id: Option<Id>,
    form: RwSignal<Form>,
    counting: RwSignal<Option<Id>>,
) -> impl IntoView {
    let touched = crate::ui::common::form_draft(crate::text::overview::COL_MEASUREMENT);
    let ctx = use_ctx();
    let original = ctx
        .stair
        .with_untracked(|s| id.and_then(|id| s.measurement(id).cloned()))
        .unwrap_or_default();
    let others = ctx.stair.with_untracked(measurement_options);
    let name = RwSignal::new(original.name.clone());
    let kind = RwSignal::new(if id.is_some() {
        original.kind
    } else if others.is_empty() {
        MeasurementKind::Baseline
    } else {
        MeasurementKind::Actual
    });
    let date = RwSignal::new(crate::model::dates::date_field(original.date));
    let note = RwSignal::new(original.note.clone());
    let made_up = RwSignal::new(original.made_up);
    let caseworkers = RwSignal::new(
        original
            .caseworkers
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let moves = MoveRows::new(&original.moves);
    let steps: Vec<(Id, String)> = ctx.stair.with_untracked(|s| {
        s.steps
            .iter()
            .enumerate()
            .map(|(i, st)| (st.id, ts::step_title(i, &st.name)))
            .collect()
    });
    // Rows removed take their fields with them, so the draft also compares the rows themselves.
    Effect::new(move |_| touched.rows_differ(moves.differ_from_start()));
    let copy_from = RwSignal::new(String::new());
    let errors = FormErrors::<StaircaseField>::new();
    let name_error = errors.at(StaircaseField::Name);
    let date_error = errors.at(StaircaseField::Date);
    let cw_error = errors.at(StaircaseField::Caseworkers);
    let form_error = errors.general();
    let original = StoredValue::new(original);
    // The version the form opened: a save keeps what another tab changed meanwhile (counts among them).
    let merge = FormMerge::of_record("measurement", RecordKind::Measurement, id);
    let kind0 = kind.get_untracked();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        errors.set_at(
            StaircaseField::Name,
            n.is_empty()
                .then(|| ts::MEASUREMENT_NAME_MISSING.to_string()),
        );
        let d = date.get_untracked();
        let parsed_date = if d.trim().is_empty() {
            Ok(None)
        } else {
            crate::model::dates::parse_date(&d)
                .map(Some)
                .ok_or_else(|| crate::text::ui::DATE_WRONG.to_string())
        };
        errors.set_at(StaircaseField::Date, parsed_date.clone().err());
        let cw = crate::text::parse_whole(&caseworkers.get_untracked());
        errors.set_at(StaircaseField::Caseworkers, cw.clone().err());
        let read_moves = moves.read();
        errors.retain(|f| f.is_some());
        let (false, Ok(d), Ok(cw), Ok(read_moves)) =
            (n.is_empty(), parsed_date, cw, read_moves.clone())
        else {
            let first = if name_error.get_untracked().is_some() {
                "m-name".to_string()
            } else if date_error.get_untracked().is_some() {
                "m-date".to_string()
            } else if cw_error.get_untracked().is_some() {
                "m-caseworkers".to_string()
            } else {
                read_moves.err().unwrap_or_default()
            };
            focus_later(first);
            return;
        };
        // Which row each saved move came from, for a refused rule about `moves[i]`.
        let (keys, step_moves): (Vec<u32>, Vec<_>) = read_moves.into_iter().unzip();
        let mut m = Measurement {
            name: n.clone(),
            kind: kind.get_untracked(),
            date: d,
            note: note.get_untracked(),
            made_up: made_up.get_untracked(),
            caseworkers: cw.filter(|c| *c > 0),
            moves: step_moves,
            ..original.get_value()
        };
        let result = ctx.edit_form(merge, |s| match id {
            Some(_) => s.update_measurement(m.clone()).map(|_| m.id),
            None => {
                if let Some(src) =
                    parse_id(&copy_from.get_untracked()).and_then(|src| s.measurement(src))
                {
                    m.per_intervention = src.per_intervention.clone();
                    m.per_step = src.per_step.clone();
                }
                s.add_measurement(m.clone())
            }
        });
        match result {
            Ok(None) => {}
            Ok(Some(mid)) => {
                ctx.say(ts::measurement_saved(&n));
                if id.is_none() {
                    counting.set(Some(mid));
                }
                form.set(Form::Closed);
                focus_later("new-measurement".into());
            }
            Err(e) => match e.field {
                Some(StaircaseField::Move { index, part }) => {
                    match moves.show_error(index, part, e.message.clone(), &keys) {
                        Some(input) => focus_later(input),
                        None => errors.set_one(FieldError::general(e.message)),
                    }
                }
                _ => {
                    moves.clear_errors();
                    errors.show(e, |field| match field {
                        StaircaseField::Name => Some("m-name"),
                        StaircaseField::Date => Some("m-date"),
                        StaircaseField::Caseworkers => Some("m-caseworkers"),
                        _ => None,
                    });
                }
            },
        }
    };
    view! {
        <div class="panel editor-panel" role="region" aria-labelledby="m-form-heading">
            <h3 id="m-form-heading" tabindex="-1">{if id.is_some() { ts::EDIT_MEASUREMENT } else { crate::text::plan::NEW_MEASUREMENT }}</h3>
            <form class="form" on:focusin=move |ev| touched.record(&ev) on:input=move |ev| touched.changed(&ev) on:submit=submit novalidate>
                <TextInput id="m-name" label=crate::text::data::COL_NAME value=name error=name_error
                    hint=crate::text::staircase::MEASUREMENT_NAME_HINT/>
                <div class="form-group">
                    <label class="form-label" for="m-kind">{crate::text::meetings::COL_TYPE}</label>
                    <select id="m-kind" class="form-select narrow"
                        on:change=move |ev| { let v = event_target_value(&ev); if let Some((k, _)) = KINDS.iter().find(|(_, key)| *key == v) { kind.set(*k) } }>
                        {KINDS.iter().map(|(k, key)| view! { <option value=*key selected=*k == kind0>{text::measurement_kind(*k)}</option> }).collect_view()}
                    </select>
                </div>
                <TextInput id="m-date" label=crate::text::meetings::COL_DATE value=date error=date_error numeric=true maxlength=limits::DATE
                    hint=ts::measurement_date_hint()/>
                <TextInput id="m-caseworkers" label=crate::text::staircase::MEASUREMENT_CASEWORKERS value=caseworkers error=cw_error numeric=true maxlength=limits::NUMBER
                    hint=crate::text::staircase::MEASUREMENT_CASEWORKERS_HINT/>
                <div class="form-group">
                    <label class="form-label" for="m-note">{crate::text::plan::L_NOTE}</label>
                    <span class="form-hint" id="m-note-hint">{ts::MEASUREMENT_NOTE_HINT}</span>
                    <textarea maxlength=limits::TEXT id="m-note" class="form-input" aria-describedby="m-note-hint"
                        prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                <div class="form-group">
                    <div class="checkbox">
                        <input type="checkbox" id="m-made-up" aria-describedby="m-made-up-hint" prop:checked=move || made_up.get()
                            on:change=move |ev| made_up.set(event_target_checked(&ev))/>
                        <label for="m-made-up">{ts::MADE_UP_LABEL}</label>
                    </div>
                    <span class="form-hint" id="m-made-up-hint">{ts::MADE_UP_HINT}</span>
                </div>
                <MovesFieldset moves=moves steps=steps/>
                {(id.is_none() && !others.is_empty()).then(|| view! {
                    <div class="form-group">
                        <label class="form-label" for="m-copy">{ts::COPY_FROM_LABEL}</label>
                        <span class="form-hint" id="m-copy-hint">{ts::COPY_FROM_HINT}</span>
                        <select id="m-copy" class="form-select narrow" aria-describedby="m-copy-hint"
                            on:change=move |ev| copy_from.set(event_target_value(&ev))>
                            <option value="">{ts::COPY_FROM_NONE}</option>
                            {others.iter().map(|(oid, n)| view! { <option value=oid.to_string()>{n.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                <ConflictChoices merge=merge/>
                {move || form_error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <div class="button-row">
                    <button type="submit" class="button">{ts::SAVE_MEASUREMENT}</button>
                    <button type="button" class="button secondary" on:click=move |_| form.set(Form::Closed)>{crate::text::data::CANCEL}</button>
                </div>
            </form>
        </div>
    }
}
