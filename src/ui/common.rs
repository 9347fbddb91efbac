//! Small pieces shared by the pages.

use crate::app::use_app;
use crate::browser::address::at;
use crate::text::ui as t;
use leptos::prelude::*;

/// The route's path and query within the app (`/netvaerksmoeder/ny?skabelon=…`, without the app's base),
/// from the router, which knows the new route before the address bar does. Tracked in a reactive scope.
pub fn here() -> String {
    let l = leptos_router::hooks::use_location();
    let search = l.search.get();
    let route = crate::browser::address::route_of(&l.pathname.get());
    if search.is_empty() {
        route
    } else {
        format!("{route}?{search}")
    }
}

/// A form's unsaved draft, for the header, the leave question and the tab's close question. The form puts
/// `on:focusin=move |ev| draft.record(&ev)` and `on:input=move |ev| draft.changed(&ev)` on its `<form>`, and
/// calls `draft.saved()` when it saves or resets while staying on screen; unmounting ends the draft. Each
/// field's value is noted when it first gets focus, so typing something and taking it back again is no
/// draft. A form whose rows can be removed (so their fields are gone and cannot be compared) tells the draft
/// with `draft.rows_differ(…)` whether its rows still match what it opened with.
#[derive(Clone, Copy)]
pub struct FormDraft {
    dirty: RwSignal<bool>,
    originals: StoredValue<Vec<(String, String)>>,
    rows_differ: StoredValue<bool>,
}

/// A control's value as text (checkboxes and radios: whether checked).
fn control_value(el: &web_sys::Element) -> Option<String> {
    use wasm_bindgen::JsCast;
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(match i.type_().as_str() {
            "checkbox" | "radio" => i.checked().to_string(),
            _ => i.value(),
        });
    }
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return Some(t.value());
    }
    el.dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

fn event_control(ev: &leptos::ev::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|el| !el.id().is_empty())
}

impl FormDraft {
    /// Notes a field's value before the user changes it.
    pub fn record(&self, ev: &leptos::ev::FocusEvent) {
        let Some(el) = event_control(ev) else {
            return;
        };
        let Some(value) = control_value(&el) else {
            return;
        };
        let id = el.id();
        self.originals.update_value(|o| {
            if !o.iter().any(|(k, _)| *k == id) {
                o.push((id, value));
            }
        });
    }

    /// After an edit: a draft while any noted field differs from its noted value.
    pub fn changed(&self, ev: &leptos::ev::Event) {
        let unnoted = event_control(ev).is_some_and(|el| {
            let id = el.id();
            !self
                .originals
                .with_value(|o| o.iter().any(|(k, _)| *k == id))
        });
        let differs = unnoted || self.fields_differ();
        self.dirty.set(differs || self.rows_differ.get_value());
    }

    /// Whether the form's rows (added, removed or edited) differ from the ones it opened with; a draft
    /// while they do, whatever the fields say.
    pub fn rows_differ(&self, differ: bool) {
        if differ == self.rows_differ.get_value() {
            return;
        }
        self.rows_differ.set_value(differ);
        self.dirty.set(differ || self.fields_differ());
    }

    /// Whether a noted field still on screen differs from its noted value.
    fn fields_differ(&self) -> bool {
        self.originals.with_value(|o| {
            o.iter().any(|(id, was)| {
                document()
                    .get_element_by_id(id)
                    .and_then(|el| control_value(&el))
                    .is_some_and(|now| now != *was)
            })
        })
    }

    /// The form saved (or reset) and stays on screen: what it shows now is the new starting point.
    pub fn saved(&self) {
        self.originals.set_value(Vec::new());
        self.rows_differ.set_value(false);
        self.dirty.set(false);
    }
}

/// Starts tracking a form's draft under `label` (see `FormDraft`).
pub fn form_draft(label: impl Into<String>) -> FormDraft {
    let app = use_app();
    let dirty = RwSignal::new(false);
    let label = label.into();
    app.drafts
        .track(Signal::derive(move || label.clone()), dirty.into());
    FormDraft {
        dirty,
        originals: StoredValue::new(Vec::new()),
        rows_differ: StoredValue::new(false),
    }
}

/// Keeps a newly focused field clear of its form's sticky button bar (WCAG 2.4.11, focus not obscured):
/// put `on:focusin=keep_clear_of_sticky_bar` on a `<form>` whose `.form-actions` sticks to the bottom.
pub fn keep_clear_of_sticky_bar(ev: leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if el.closest(".form-actions").ok().flatten().is_some() {
        return;
    }
    // After the browser's own scrolling into view, which ignores the bar.
    request_animation_frame(move || {
        let Some(bar) = el
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.query_selector(".form-actions").ok().flatten())
        else {
            return;
        };
        let bar_top = bar.get_bounding_client_rect().top();
        let field = el.get_bounding_client_rect();
        let overlap = field.bottom() + 12.0 - bar_top;
        if overlap > 0.0 {
            window().scroll_by_with_x_and_y(0.0, overlap);
        }
    });
}

/// The one focus helper every area uses (kept here for the areas that import it from `common`).
pub use crate::ui::kit::focus::focus_later;

/// Sets the document title, so screen reader users and tabs know the page.
pub fn set_title(page: &str) {
    document().set_title(&format!("{page} – {}", t::APP_NAME));
}

/// Renders `children` while a workspace is open, else a pointer to the start page. Children read the
/// workspace reactively through `AppState::read`; they are built once per opened workspace, so edits do not
/// re-create the page (and inputs keep their focus).
#[component]
pub fn WithWorkspace(page: &'static str, children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    set_title(page);
    let open_id = Memo::new(move |_| app.open_id.get());
    move || match open_id.get() {
        Some(_) => children().into_any(),
        None => view! {
            <h1>{page}</h1>
            <NoWorkspace/>
        }
        .into_any(),
    }
}

#[component]
pub fn NoWorkspace() -> impl IntoView {
    view! {
        <div class="notice">
            <p><strong>{t::NO_WORKSPACE}</strong></p>
            <p><a href=at("/")>{t::GO_TO_START}</a></p>
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_title(t::NOT_FOUND);
    view! {
        <h1>{t::NOT_FOUND}</h1>
        <p><a href=at("/")>{t::GO_TO_START_PAGE}</a></p>
    }
}

/// The one confirm button (kept here for the areas that import it from `common`).
pub use crate::ui::kit::confirm::ConfirmButton;

/// A form's save on the versions of its records (and settings) that it opened: the one mechanism every
/// form uses (`model::merge::rebase_form`). What someone else changed meanwhile (another tab, a move on the
/// board) is kept; a field both changed is asked, with `ConflictChoices` showing both values, and the next
/// save takes the user's answer. Forms call `rebase` with the command they made on the workspace as it is
/// now, and `opened` whenever what they show becomes their new starting point (after a save, or when an
/// untouched form takes in a newer version).
#[derive(Clone, Copy)]
pub struct FormMerge {
    seen: StoredValue<Vec<crate::model::merge::Seen>>,
    asked: RwSignal<Vec<crate::model::merge::Asked>>,
    choices: RwSignal<Vec<bool>>,
    prefix: &'static str,
}

impl FormMerge {
    /// `prefix` names the form's elements (`{prefix}-conflicts`).
    pub fn new(prefix: &'static str, seen: Vec<crate::model::merge::Seen>) -> Self {
        FormMerge {
            seen: StoredValue::new(seen),
            asked: RwSignal::new(Vec::new()),
            choices: RwSignal::new(Vec::new()),
            prefix,
        }
    }

    /// A form of the records `refs` as they are now (those that exist), and of `settings`.
    pub fn of(
        prefix: &'static str,
        refs: &[crate::model::record::RecordRef],
        settings: &[crate::model::merge::Setting],
    ) -> Self {
        let merge = Self::new(prefix, Vec::new());
        merge.opened_now(refs, settings);
        merge
    }

    /// A form of one record of `kind` as it is now, or of a new one (`None`: nothing seen, nothing merged).
    pub fn of_record(
        prefix: &'static str,
        kind: crate::model::record::RecordKind,
        id: Option<crate::model::Id>,
    ) -> Self {
        let refs: Vec<_> = id
            .map(|id| crate::model::record::RecordRef::new(kind, id))
            .into_iter()
            .collect();
        Self::of(prefix, &refs, &[])
    }

    /// What the form shows is, from now on, what it started from.
    pub fn opened(&self, seen: Vec<crate::model::merge::Seen>) {
        self.seen.set_value(seen);
        self.asked.set(Vec::new());
    }

    /// Says what the form started from, keeping what it has asked (a form that keeps its own record of it).
    pub fn started_from(&self, seen: Vec<crate::model::merge::Seen>) {
        self.seen.set_value(seen);
    }

    /// `opened` with the records and settings as they are in the workspace now.
    pub fn opened_now(
        &self,
        refs: &[crate::model::record::RecordRef],
        settings: &[crate::model::merge::Setting],
    ) {
        use crate::model::merge::Seen;
        let seen = crate::app::use_app()
            .read_untracked(|ws| {
                refs.iter()
                    .filter_map(|r| ws.record(*r).map(|(_, rec)| Seen::Record(rec)))
                    .chain(settings.iter().map(|s| Seen::Setting(s.of(ws))))
                    .collect()
            })
            .unwrap_or_default();
        self.opened(seen);
    }

    /// The command to dispatch for `cmd` (made on the workspace as it is now), or `None` while the user has
    /// to choose between values (the choices are shown and get the focus).
    pub fn rebase(
        &self,
        app: crate::app::AppState,
        cmd: crate::model::commands::Command,
    ) -> Option<crate::model::commands::Command> {
        use crate::model::merge::{rebase_form, Answers};
        let asked = self.asked.get_untracked();
        let take = self.choices.get_untracked();
        let answers = (!asked.is_empty()).then_some(Answers {
            asked: &asked,
            take_theirs: &take,
        });
        let result = app.read_untracked(|ws| {
            self.seen
                .with_value(|seen| rebase_form(ws, seen, cmd.clone(), answers))
        })?;
        match result {
            Ok(cmd) => {
                self.asked.set(Vec::new());
                Some(cmd)
            }
            Err(asked) => {
                self.choices.set(vec![false; asked.len()]);
                self.asked.set(asked);
                app.announce(t::CONFLICT_ASKED);
                focus_later(format!("{}-conflicts", self.prefix));
                None
            }
        }
    }

    /// The form saved: what it holds now is its new starting point.
    pub fn saved(
        &self,
        refs: &[crate::model::record::RecordRef],
        settings: &[crate::model::merge::Setting],
    ) {
        self.opened_now(refs, settings);
    }
}

/// The fields a save stopped to ask about: both values of each, the user picks one, then saves again.
#[component]
pub fn ConflictChoices(merge: FormMerge) -> impl IntoView {
    use crate::text::ui::{conflict_value_in, field_label};
    let app = crate::app::use_app();
    let FormMerge {
        asked,
        choices,
        prefix,
        ..
    } = merge;
    view! {
        {move || (!asked.with(|c| c.is_empty())).then(|| view! {
            <div class="alert alert-warning conflict-choices" role="alert" data-testid="conflict-choices" id=format!("{prefix}-conflicts") tabindex="-1">
                <p><strong>{t::CONFLICT_FORM_TITLE}</strong></p>
                <p>{t::CONFLICT_FORM_TEXT}</p>
                {asked.get().into_iter().enumerate().map(|(i, a)| {
                    let c = &a.conflict;
                    let label = field_label(&c.field);
                    let show = |v: &serde_json::Value| {
                        app.read_untracked(|ws| conflict_value_in(ws, a.target, &c.field, v))
                            .unwrap_or_default()
                    };
                    let (mine, theirs) = (show(&c.mine), show(&c.theirs));
                    let name = format!("{prefix}-conflict-{i}");
                    let (mine_id, theirs_id) = (format!("{name}-mine"), format!("{name}-theirs"));
                    view! {
                        <fieldset class="form-group">
                            <legend class="form-label">{label}</legend>
                            <div class="radio">
                                <input type="radio" id=mine_id.clone() name=name.clone()
                                    prop:checked=move || !choices.with(|c| c.get(i).copied().unwrap_or(false))
                                    on:change=move |_| choices.update(|c| if let Some(x) = c.get_mut(i) { *x = false })/>
                                <label for=mine_id>{format!("{} {mine}", t::CONFLICT_MINE)}</label>
                            </div>
                            <div class="radio">
                                <input type="radio" id=theirs_id.clone() name=name.clone()
                                    prop:checked=move || choices.with(|c| c.get(i).copied().unwrap_or(false))
                                    on:change=move |_| choices.update(|c| if let Some(x) = c.get_mut(i) { *x = true })/>
                                <label for=theirs_id>{format!("{} {theirs}", t::CONFLICT_THEIRS)}</label>
                            </div>
                        </fieldset>
                    }
                }).collect_view()}
            </div>
        })}
    }
}

/// The first broken rule of a refused edit, as (field in the file, Danish message for that field).
pub fn field_error(
    e: &crate::model::commands::CommandError,
) -> Option<(crate::model::field_path::FieldPath, String)> {
    match e {
        crate::model::commands::CommandError::Invalid { issues, .. } => issues
            .first()
            .map(|i| (i.field.clone(), t::field_problem(&i.problem))),
        _ => None,
    }
}

/// The day the open workspace is seen from: its as-of date (a built-in example is shown as of its own date),
/// else today. Deadlines, stale notes, due follow-ups, the last twelve months of meetings and the date a new
/// note or meeting gets are counted from it; file names and "printed on" stay today.
pub fn workspace_today() -> chrono::NaiveDate {
    crate::app::session::with_workspace(|w| w.seen_from(crate::browser::today()))
        .unwrap_or_else(crate::browser::today)
}
