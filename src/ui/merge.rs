//! Merging a colleague's copy into the open workspace (a summary before anything changes), the conflicts
//! a merge leaves (both versions side by side, field by field), and the initials each revision carries.

use crate::app::{session, use_app, Part};
use crate::model::copy_merge::{self, differences, merge_copy, CopyMerge};
use crate::model::merge::{choose_record, FieldConflict};
use crate::model::record::{Record, RecordRef};
use crate::model::revision::author_ok;
use crate::model::revision::{self, Revisions};
use crate::model::Workspace;
use crate::storage::settings;
use crate::text::merge as txt;
use crate::ui::kit::limits;
use leptos::prelude::*;

/// The initials field: asked the first time a merge (or an export) needs them, and kept in this browser.
#[component]
pub fn AuthorField(
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
    #[prop(into)] id: String,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{h} {e}"),
            None => h.clone(),
        }
    };
    view! {
        <div class="form-group" class:form-error-group=move || error.get().is_some()>
            <label for=id.clone() class="form-label">{txt::AUTHOR_LABEL}</label>
            <span class="form-hint" id=hint_id.clone()>{txt::AUTHOR_HINT}</span>
            {move || error.get().map(|e| view! { <span class="form-error" id=error_id.clone()>{e}</span> })}
            <input id=id.clone() class="form-input input-initials" type="text" maxlength=limits::AUTHOR
                aria-describedby=described aria-invalid=move || error.get().is_some().to_string()
                prop:value=move || value.get() on:input=move |ev| { value.set(event_target_value(&ev)); error.set(None); }/>
        </div>
    }
}

/// Stores the initials in `value` if they are good; else sets the field's error. Whether they are good.
pub fn keep_author(value: RwSignal<String>, error: RwSignal<Option<String>>) -> bool {
    let a = value.get_untracked().trim().to_string();
    if !author_ok(&a) {
        error.set(Some(txt::AUTHOR_MISSING.into()));
        return false;
    }
    settings::set(settings::AUTHOR, &a);
    revision::set_author(&a);
    true
}

/// Whether this browser has initials yet.
pub fn has_author() -> bool {
    author_ok(&crate::app::session::load_author())
}

/// For an export: stores the initials if some were given (an export is never stopped for them; a backup
/// must always be possible). False where what was given cannot be used (the field then says why).
pub fn keep_author_if_given(value: RwSignal<String>, error: RwSignal<Option<String>>) -> bool {
    if value.get_untracked().trim().is_empty() {
        return true;
    }
    keep_author(value, error)
}

/// What merging `file` into the open workspace would do, and the button that does it. Nothing changes
/// until the user presses «Flet ind»; one undo takes the merge back.
#[component]
pub fn MergePreview(file: Workspace, on_done: Callback<()>) -> impl IntoView {
    let app = use_app();
    let name = app.read_untracked(|w| w.name.clone()).unwrap_or_default();
    let result: Option<Result<CopyMerge, String>> = app.read_untracked(|here| {
        crate::browser::perf::start("trappe-merge");
        let r = merge_copy(here, &file).map_err(|e| crate::text::ui::command_error(&e));
        crate::browser::perf::end("trappe-merge");
        r
    });
    let author = RwSignal::new(crate::app::session::load_author());
    let needs_author = !author_ok(&author.get_untracked());
    let author_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let heading = NodeRef::<leptos::html::H4>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let body = match result {
        None => view! { <p>{crate::text::ui::NO_WORKSPACE}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="form-error" role="alert">{e}</p> }.into_any(),
        Some(Ok(m)) if m.command.is_none() => view! {
            <p data-testid="merge-nothing">{txt::NOTHING}</p>
            <div class="button-row">
                <button type="button" class="button secondary" on:click=move |_| on_done.run(())>{txt::CLOSE}</button>
            </div>
        }
        .into_any(),
        Some(Ok(m)) => {
            let summary = m.summary.clone();
            let total = summary.total();
            let command = StoredValue::new(m.command.clone());
            let name_done = name.clone();
            let run = move |_| {
                if needs_author && !keep_author(author, author_error) {
                    return;
                }
                let Some(cmd) = command.get_value() else {
                    return;
                };
                match session::dispatch(app, cmd) {
                    Ok(()) => {
                        app.info_focused(txt::merged(&name_done, total, summary.set_aside));
                        on_done.run(());
                    }
                    Err(e) => error.set(Some(crate::text::ui::command_error(&e))),
                }
            };
            let rows = m
                .summary
                .kinds
                .iter()
                .map(|(k, c)| {
                    view! {
                        <tr>
                            <th scope="row">{txt::kind_row(*k)}</th>
                            <td class="number">{c.added}</td>
                            <td class="number">{c.changed}</td>
                            <td class="number">{c.deleted}</td>
                            <td class="number">{c.conflicts}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="table merge-summary" data-testid="merge-summary">
                    <caption>{txt::SUMMARY_CAPTION}</caption>
                    <thead><tr>
                        <th scope="col">{txt::AREA}</th>
                        <th scope="col" class="number">{txt::ADDED}</th>
                        <th scope="col" class="number">{txt::CHANGED}</th>
                        <th scope="col" class="number">{txt::DELETED}</th>
                        <th scope="col" class="number">{txt::CONFLICTS}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {txt::authors(&m.summary).map(|a| view! { <p data-testid="merge-authors">{a}</p> })}
                {(total.conflicts > 0).then(|| view! { <p>{txt::CONFLICTS_EXPLAINED}</p> })}
                <p class="form-hint">{txt::SETTINGS_KEPT}</p>
                {needs_author.then(|| view! { <AuthorField value=author error=author_error id="merge-author"/> })}
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <div class="button-row">
                    <button type="button" class="button" on:click=run data-testid="merge-run">{txt::MERGE}</button>
                    <button type="button" class="button secondary" on:click=move |_| on_done.run(())>{txt::CANCEL}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="merge-preview" data-testid="merge-preview">
            <h4 tabindex="-1" node_ref=heading>{txt::merge_into_heading(&name)}</h4>
            {body}
        </div>
    }
}

/// The records in conflict after a merge, each with a way to settle it.
#[component]
pub fn ConflictsSection() -> impl IntoView {
    let app = use_app();
    let list = Memo::new(move |_| {
        app.read_parts(
            &[
                Part::Branches,
                Part::Staircase,
                Part::Meetings,
                Part::Templates,
                Part::Plan,
            ],
            |w| {
                w.conflicts()
                    .into_iter()
                    .filter_map(|r| w.record(r).map(|(_, rec)| (r, txt::record_words(&rec))))
                    .collect::<Vec<_>>()
            },
        )
        .unwrap_or_default()
    });
    let open = RwSignal::new(None::<RecordRef>);
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
            <section aria-labelledby="data-conflicts" id="konflikter" data-testid="conflicts">
                <h2 id="data-conflicts">{txt::CONFLICTS_HEADING}</h2>
                <p>{move || txt::conflicts_waiting(list.with(Vec::len))}</p>
                <ul class="conflict-list">
                    <For each=move || list.get() key=|(r, w)| (*r, w.clone()) let:item>
                        {
                            let (r, words) = item;
                            view! {
                                <li>
                                    <span class="tag tag-conflict">{txt::CONFLICT_MARK}</span>" "{words}" "
                                    <button type="button" class="button secondary small" aria-expanded=move || (open.get() == Some(r)).to_string()
                                        on:click=move |_| open.update(|o| *o = if *o == Some(r) { None } else { Some(r) })>{txt::SHOW_CONFLICT}</button>
                                    <Show when=move || open.get() == Some(r)>
                                        <ConflictView record=r on_done=Callback::new(move |_| open.set(None))/>
                                    </Show>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// One record's two versions side by side, field by field.
#[component]
fn ConflictView(record: RecordRef, on_done: Callback<()>) -> impl IntoView {
    let app = use_app();
    let Some((shown, other, step_names)) = app
        .read_untracked(|w| {
            let (_, shown) = w.record(record)?;
            let branch = w.open_branches(record).first().map(|b| (*b).clone())?;
            let steps: Vec<(String, String)> = w
                .staircase
                .steps
                .iter()
                .map(|s| (s.id.to_string(), s.name.clone()))
                .collect();
            Some((shown, branch, steps))
        })
        .flatten()
    else {
        return view! { <p>{txt::CONFLICTS_NONE}</p> }.into_any();
    };
    let heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let settle = move |cmd: crate::model::commands::Command| match session::dispatch(app, cmd) {
        Ok(()) => {
            app.info_focused(txt::RESOLVED);
            on_done.run(());
        }
        Err(e) => app.error(crate::text::ui::command_error(&e)),
    };
    let title = txt::record_words(&shown);
    let by_shown = txt::made_by(shown.view().revisions().made_by());
    let by_other = txt::made_by(other.revisions.made_by());
    let shown_s = StoredValue::new(shown.clone());
    let body = match other.version.clone() {
        None => view! {
            <p>{txt::DELETED_THERE}" ("{by_other}")"</p>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| {
                    let Some(cmd) = app.read_untracked(|w| copy_merge::resolve(w, shown_s.get_value(), None)) else { return };
                    settle(cmd);
                }>{txt::KEEP_RECORD}</button>
                <button type="button" class="button danger" on:click=move |_| {
                    let Some(cmd) = app.read_untracked(|w| {
                        let settle_all = copy_merge::resolve(w, shown_s.get_value(), None);
                        let remove = crate::model::delete::with_detach(w, crate::model::commands::Command::remove(record.kind, record.id));
                        crate::model::commands::Command::Batch { commands: vec![settle_all, remove] }
                    }) else { return };
                    settle(cmd);
                }>{txt::DELETE_RECORD}</button>
            </div>
        }
        .into_any(),
        Some(theirs) => {
            let diffs: Vec<FieldConflict> = differences(&shown, &theirs);
            let picks = RwSignal::new(vec![false; diffs.len()]);
            let diffs_s = StoredValue::new(diffs.clone());
            let theirs_s = StoredValue::new(theirs.clone());
            let step_name = move |s: &str| {
                step_names
                    .iter()
                    .find(|(id, _)| id == s)
                    .map(|(_, n)| n.clone())
            };
            let rows = diffs
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let group = format!("pick-{}-{i}", record.id);
                    let (a, b) = (format!("{group}-shown"), format!("{group}-other"));
                    let field = txt::field(&d.field);
                    let mine = txt::value(&d.mine, step_name.clone());
                    let their = txt::value(&d.theirs, step_name.clone());
                    view! {
                        <tr>
                            <th scope="row">{field.clone()}</th>
                            <td>
                                <div class="radio">
                                    <input type="radio" id=a.clone() name=group.clone() prop:checked=move || !picks.get()[i]
                                        on:change=move |_| picks.update(|p| p[i] = false)/>
                                    <label for=a>{mine}</label>
                                </div>
                            </td>
                            <td>
                                <div class="radio">
                                    <input type="radio" id=b.clone() name=group prop:checked=move || picks.get()[i]
                                        on:change=move |_| picks.update(|p| p[i] = true)/>
                                    <label for=b>{their}</label>
                                </div>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            let same = diffs.is_empty();
            view! {
                {same.then(|| view! { <p>{txt::SAME_CONTENT}</p> })}
                {(!same).then(|| view! {
                    <table class="table conflict-fields" data-testid="conflict-fields">
                        <caption class="visually-hidden">{txt::fields_caption(&title)}</caption>
                        <thead><tr>
                            <th scope="col">{txt::FIELD}</th>
                            <th scope="col">{txt::SHOWN}<br/><span class="muted">{by_shown.clone()}</span></th>
                            <th scope="col">{txt::OTHER}<br/><span class="muted">{by_other.clone()}</span></th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                })}
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| {
                        let chosen = choose_record(&shown_s.get_value(), &diffs_s.get_value(), &picks.get_untracked());
                        let Some(cmd) = app.read_untracked(|w| copy_merge::resolve(w, chosen, None)) else { return };
                        settle(cmd);
                    }>{txt::KEEP_CHOSEN}</button>
                    <button type="button" class="button secondary" on:click=move |_| {
                        let Some(cmd) = app.read_untracked(|w| copy_merge::resolve(w, shown_s.get_value(), None)) else { return };
                        settle(cmd);
                    }>{txt::KEEP_SHOWN}</button>
                    <button type="button" class="button secondary" on:click=move |_| {
                        let d = diffs_s.get_value();
                        let all = vec![true; d.len()];
                        let chosen = choose_record(&shown_s.get_value(), &d, &all);
                        let Some(cmd) = app.read_untracked(|w| copy_merge::resolve(w, chosen, None)) else { return };
                        settle(cmd);
                    }>{txt::KEEP_OTHER}</button>
                    <button type="button" class="button secondary" on:click=move |_| {
                        let mut copy = theirs_s.get_value();
                        set_new_id(&mut copy);
                        let Some(cmd) = app.read_untracked(|w| copy_merge::resolve(w, shown_s.get_value(), Some(copy))) else { return };
                        settle(cmd);
                    }>{txt::KEEP_BOTH}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="panel conflict-view" data-testid="conflict-view">
            <h3 tabindex="-1" node_ref=heading>{title.clone()}</h3>
            {body}
            <div class="button-row">
                <button type="button" class="button secondary" on:click=move |_| on_done.run(())>{txt::CLOSE}</button>
            </div>
        </div>
    }
    .into_any()
}

/// The version as a record of its own: a new id and no history.
fn set_new_id(r: &mut Record) {
    let id = crate::model::new_id();
    match r {
        Record::Step(x) => x.id = id,
        Record::Intervention { intervention, .. } => intervention.id = id,
        Record::Measurement(x) => x.id = id,
        Record::Meeting(x) => x.id = id,
        Record::Template(x) => x.id = id,
        Record::Goal(x) => x.id = id,
        Record::Track(x) => x.id = id,
        Record::Initiative(x) => x.id = id,
        Record::Indicator(x) => x.id = id,
        Record::TimelineRow(x) => x.id = id,
    }
    *r.revisions_mut() = Revisions::default();
}

/// «Konflikt» beside a record shown while another version of it is kept.
#[component]
pub fn ConflictMark(record: RecordRef) -> impl IntoView {
    let app = use_app();
    let on = Memo::new(move |_| {
        app.read(Part::Branches, |w| w.in_conflict(record))
            .unwrap_or(false)
    });
    move || {
        on.get().then(|| {
            view! { <a class="tag tag-conflict" href=crate::browser::address::at("/data#konflikter")>{txt::CONFLICT_MARK}</a> }
        })
    }
}
