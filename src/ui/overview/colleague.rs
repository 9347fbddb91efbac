//! "Sammenlign med en anden kommune": a colleague municipality's exported file opened beside the open
//! workspace, read-only. The other workspace lives only in this component's signal: it is never sent as a
//! command, never written to storage and never merged; closing the comparison (or leaving the page)
//! drops it.

use crate::app::{use_app, Part};
use crate::browser::{files, today};
use crate::file_format::{export::ascii_slug, ImportError, MAX_FILE_BYTES};
use crate::model::key_figures::colleague::{
    compare_municipalities, Measurements, MunicipalityComparison, Row, RowKind,
};
use crate::model::Workspace;
use crate::output::colleague_csv::comparison_csv;
use crate::text::{self, colleague as tc};
use crate::ui::data::read_workspace_bytes;
use crate::ui::kit::file_field::FileField;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The other municipality's workspace and the file it came from.
#[derive(Clone)]
struct Theirs {
    file_name: String,
    workspace: Workspace,
}

#[component]
pub fn ColleagueComparison() -> impl IntoView {
    let app = use_app();
    let theirs = RwSignal::new(None::<Theirs>);
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let file_chosen = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // A file picked while another is still being read wins; the older read is dropped when it ends.
    let generation = StoredValue::new(0u32);

    // The measurement read on each side; a new file starts from the defaults (closest in time).
    let chosen = RwSignal::new(Measurements::default());
    let comparison = Memo::new(move |_| {
        let chosen = chosen.get();
        theirs.with(|t| {
            let t = t.as_ref()?;
            app.read_parts(&[Part::Info, Part::Staircase, Part::Meetings], |w| {
                compare_municipalities(w, &t.workspace, today(), chosen)
            })
        })
    });
    let our_options = Memo::new(move |_| {
        app.read(Part::Staircase, |w| measurement_options(&w.staircase))
            .unwrap_or_default()
    });
    let their_options = Memo::new(move |_| {
        theirs.with(|t| {
            t.as_ref()
                .map(|t| measurement_options(&t.workspace.staircase))
                .unwrap_or_default()
        })
    });
    let used = Memo::new(move |_| {
        comparison.with(|c| {
            let id = |s: &crate::model::key_figures::colleague::Side| {
                s.measurement
                    .as_ref()
                    .map(|m| m.id.to_string())
                    .unwrap_or_default()
            };
            c.as_ref()
                .map(|c| (id(&c.ours), id(&c.theirs)))
                .unwrap_or_default()
        })
    });

    let take_file = Callback::new(move |file: web_sys::File| {
        let file_name = file.name();
        error.set(None);
        reading.set(true);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            let result = match files::read_file(&file, MAX_FILE_BYTES).await {
                Ok(bytes) => read_workspace_bytes(&bytes)
                    .await
                    .map_err(|e| text::file::import_error(&e)),
                Err(files::ReadError::TooLarge(n)) => {
                    Err(text::file::import_error(&ImportError::TooLarge {
                        bytes: n,
                        max: MAX_FILE_BYTES,
                    }))
                }
                Err(files::ReadError::Unreadable) => Err(text::file::unreadable_file()),
            };
            if generation.get_value() != mine {
                return;
            }
            reading.set(false);
            match result {
                Ok(imported) => {
                    app.announce(&tc::loaded(&file_name));
                    chosen.set(Measurements::default());
                    theirs.set(Some(Theirs {
                        file_name,
                        workspace: imported.workspace,
                    }));
                }
                Err(reason) => {
                    theirs.set(None);
                    error.set(Some(tc::not_read(&file_name, &reason)));
                }
            }
        });
    });
    // The comparison is with the workspace that was open when the file was chosen: another one opened (by
    // an import, the Data page or another tab) ends it, and what was said about it.
    Effect::new(move |was: Option<Option<crate::model::Id>>| {
        let now = app.open_id.get();
        if was.is_some_and(|w| w != now) {
            generation.update_value(|g| *g += 1);
            reading.set(false);
            theirs.set(None);
            error.set(None);
            file_chosen.set(None);
        }
        now
    });
    let close = Callback::new(move |_: ()| {
        theirs.set(None);
        error.set(None);
        file_chosen.set(None);
        app.announce(tc::CLOSED);
        if let Some(i) = input_ref.get() {
            let _ = i.focus();
        }
    });
    let file_name = Signal::derive(move || {
        theirs.with(|t| t.as_ref().map(|t| t.file_name.clone()).unwrap_or_default())
    });

    view! {
        <section aria-labelledby="colleague-title" class="colleague" data-testid="colleague">
            <h2 id="colleague-title">{tc::TITLE}</h2>
            <p>{tc::INTRO}</p>
            <FileField id="colleague-file" label=tc::FIELD_LABEL hint=tc::HINT error=error
                chosen=file_chosen on_file=take_file node_ref=input_ref/>
            <Show when=move || reading.get()><p role="status">{tc::READING}</p></Show>
            <Show when=move || comparison.with(|c| c.is_some())>
                <div class="colleague-choose plan-form-row">
                    <MeasurementSelect id="colleague-ours" label=tc::OUR_MEASUREMENT options=our_options
                        value=Signal::derive(move || used.get().0)
                        on_pick=Callback::new(move |m| chosen.update(|c| c.ours = Some(m)))/>
                    <MeasurementSelect id="colleague-theirs" label=tc::THEIR_MEASUREMENT options=their_options
                        value=Signal::derive(move || used.get().1)
                        on_pick=Callback::new(move |m| chosen.update(|c| c.theirs = Some(m)))/>
                </div>
            </Show>
            {move || comparison.get().map(|c| view! { <ComparisonResult c=c file_name=file_name on_close=close/> })}
        </section>
    }
}

/// The measurements on a staircase's time line, newest first, as (id, label).
fn measurement_options(s: &crate::model::Staircase) -> Vec<(crate::model::Id, String)> {
    crate::model::key_figures::series::series(s)
        .points
        .iter()
        .rev()
        .map(|p| {
            (
                p.measurement_id,
                text::overview::measurement_option(&p.name, p.date),
            )
        })
        .collect()
}

/// One side's measurement; drawn again only when the list changes, so the focus stays in it.
#[component]
fn MeasurementSelect(
    id: &'static str,
    label: &'static str,
    options: Memo<Vec<(crate::model::Id, String)>>,
    value: Signal<String>,
    on_pick: Callback<crate::model::Id>,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="form-label" for=id>{label}</label>
            <select id=id class="form-select" prop:value=move || value.get()
                on:change=move |ev| { if let Ok(m) = event_target_value(&ev).parse() { on_pick.run(m) } }>
                {move || options.get().into_iter().map(|(m, l)| view! {
                    <option value=m.to_string() selected=move || value.get() == m.to_string()>{l}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn ComparisonResult(
    c: MunicipalityComparison,
    file_name: Signal<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let (ours, theirs) = (c.ours.name.clone(), c.theirs.name.clone());
    let rows = c
        .rows
        .iter()
        .map(|r| result_row(r, &ours, &theirs))
        .collect_view();
    let csv = StoredValue::new(comparison_csv(&c));
    let csv_name = {
        let slug = [ascii_slug(&ours), ascii_slug(&theirs)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if slug.is_empty() {
            format!("{}.csv", tc::CSV_FILE_FALLBACK)
        } else {
            format!("{}-{slug}.csv", tc::CSV_FILE_FALLBACK)
        }
    };
    let check = crate::ui::privacy_check::PrivacyCheck::new("colleague-csv");
    let download = move |_| {
        let name = csv_name.clone();
        crate::ui::privacy_check::check_csv(
            app,
            check,
            || Some((csv.get_value(), name)),
            move |bytes, name| {
                if files::download(&name, "text/csv;charset=utf-8", &bytes).is_err() {
                    app.error(text::ui::DOWNLOAD_FAILED);
                }
            },
        );
    };
    let per_course = tc::note_with_per_course();
    view! {
        <div class="colleague-result" data-testid="colleague-result">
            <p class="colleague-sides">
                {move || tc::comparing(&file_name.get())}
            </p>
            <ul class="colleague-sides" data-testid="colleague-sides">
                <li>{tc::side_line(&c.ours)}</li>
                <li>{tc::side_line(&c.theirs)}</li>
            </ul>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="colleague-caption">
                <table class="table comparison-table colleague-table" data-testid="colleague-table">
                    <caption id="colleague-caption">{tc::caption(&c)}</caption>
                    <colgroup><col/></colgroup>
                    <colgroup span="3"></colgroup>
                    <colgroup span="3"></colgroup>
                    <thead>
                        <tr>
                            <td></td>
                            <th scope="colgroup" colspan="3" class="group-head">{tc::SPEND_GROUP}</th>
                            <th scope="colgroup" colspan="3" class="group-head">{tc::CHILDREN_GROUP}</th>
                        </tr>
                        <tr>
                            <th scope="col">{tc::STEP}</th>
                            <th scope="col" class="num">{ours.clone()}</th>
                            <th scope="col" class="num">{theirs.clone()}</th>
                            <th scope="col" class="num">{tc::DIFFERENCE}</th>
                            <th scope="col" class="num group-start">{ours.clone()}</th>
                            <th scope="col" class="num">{theirs.clone()}</th>
                            <th scope="col" class="num">{tc::DIFFERENCE}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="muted">{per_course}</p>
            <table class="table shares-table" data-testid="colleague-shares">
                <caption>{tc::SHARES_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tc::MEASURE}</th>
                        <th scope="col" class="num">{ours.clone()}</th>
                        <th scope="col" class="num">{theirs.clone()}</th>
                        <th scope="col" class="num">{tc::DIFFERENCE}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr data-testid="colleague-placement-share">
                        <th scope="row">{tc::PLACEMENT_SHARE}</th>
                        <td class="num">{crate::text::percent(c.ours.placement_children_share)}</td>
                        <td class="num">{crate::text::percent(c.theirs.placement_children_share)}</td>
                        <td class="num">{crate::text::points(c.placement_share_points)}</td>
                    </tr>
                    <tr data-testid="colleague-meetings">
                        <th scope="row">{tc::MEETINGS_PER_MONTH}</th>
                        <td class="num">
                            {tc::per_month(c.ours.meetings_per_month)}
                            <span class="row-note">{tc::held_in_window(c.ours.meetings_held)}</span>
                        </td>
                        <td class="num">
                            {tc::per_month(c.theirs.meetings_per_month)}
                            <span class="row-note">{tc::held_in_window(c.theirs.meetings_held)}</span>
                        </td>
                        <td class="num">{tc::per_month_difference(c.meetings_per_month_difference)}</td>
                    </tr>
                </tbody>
            </table>
            <div class="button-row">
                <button type="button" class="button secondary" on:click=download>{tc::DOWNLOAD}</button>
                <button type="button" class="button secondary" on:click=move |_| on_close.run(())>{tc::CLOSE}</button>
            </div>
            <crate::ui::privacy_check::PrivacyWarning check=check/>
        </div>
    }
}

fn result_row(r: &Row, ours: &str, theirs: &str) -> impl IntoView {
    let note = tc::row_note(r, ours, theirs);
    let (o, t) = (r.ours.as_ref(), r.theirs.as_ref());
    view! {
        <tr class:category-row=matches!(r.kind, RowKind::Category(_))>
            <th scope="row">
                {tc::row_title(r)}
                {(!note.is_empty()).then(|| view! { <span class="row-note">{note.clone()}</span> })}
            </th>
            <td class="num">{tc::spend_cell(o)}</td>
            <td class="num">{tc::spend_cell(t)}</td>
            <td class="num">{tc::kroner_difference(r.spend_per_child_difference)}</td>
            <td class="num group-start">{tc::children_cell(o)}</td>
            <td class="num">{tc::children_cell(t)}</td>
            <td class="num">{tc::children_difference(r.children_difference)}</td>
        </tr>
    }
}
