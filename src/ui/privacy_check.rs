//! The check for personal data before anything leaves the machine: a JSON export, a CSV download or a
//! print. With nothing found, the export goes straight through. Otherwise a warning lists each hit (what
//! kind, where in words, a link there), each with «Udelad i denne eksport», and asks for a deliberate
//! «Eksportér alligevel» or «Fortryd». Left-out hits carry «[fjernet]» in that export only; the stored
//! workspace is never changed.
//!
//! Use: `let check = PrivacyCheck::new("export");`, then `check.run(hits, move |leave_out| …)` where the
//! export starts, and `<PrivacyWarning check/>` where the warning is shown.

use super::common::focus_later;
use crate::app::{use_app, AppState};
use crate::browser::address::at;
use crate::file_format::personal_data::{self, Hit};
use crate::text::privacy as tx;
use leptos::prelude::*;
use std::rc::Rc;

/// How many hits the warning lists; the rest are counted (and «Udelad alle» covers them).
const SHOWN: usize = 50;

type Go = Rc<dyn Fn(Vec<String>)>;

/// One export's check: the hits waiting for a decision, the ones chosen to be left out, and what to do.
#[derive(Clone, Copy)]
pub struct PrivacyCheck {
    name: &'static str,
    hits: RwSignal<Vec<Hit>>,
    left_out: RwSignal<Vec<String>>,
    go: StoredValue<Option<Go>, LocalStorage>,
    /// The id of the button that started it, to return focus to after «Fortryd».
    from: StoredValue<Option<String>>,
}

impl PrivacyCheck {
    /// `name` makes the warning's ids unique on the page (`privacy-<name>-heading`).
    pub fn new(name: &'static str) -> Self {
        Self {
            name,
            hits: RwSignal::new(Vec::new()),
            left_out: RwSignal::new(Vec::new()),
            go: StoredValue::new_local(None),
            from: StoredValue::new(None),
        }
    }

    fn heading_id(&self) -> String {
        format!("privacy-{}-heading", self.name)
    }

    /// Runs `go` at once with nothing left out when `hits` is empty; otherwise shows the warning, and runs
    /// `go` with the ids of the hits to leave out once the user says «Eksportér alligevel».
    pub fn run(&self, hits: Vec<Hit>, go: impl Fn(Vec<String>) + 'static) {
        if hits.is_empty() {
            self.close();
            go(Vec::new());
            return;
        }
        self.from.set_value(
            document()
                .active_element()
                .map(|e| e.id())
                .filter(|id| !id.is_empty()),
        );
        self.go.set_value(Some(Rc::new(go)));
        self.left_out.set(Vec::new());
        self.hits.set(hits);
        focus_later(self.heading_id());
    }

    fn close(&self) {
        self.hits.set(Vec::new());
        self.left_out.set(Vec::new());
        self.go.set_value(None);
    }

    fn proceed(&self) {
        let leave_out = self.left_out.get_untracked();
        let go = self.go.get_value();
        self.close();
        if let Some(go) = go {
            go(leave_out);
        }
    }

    fn cancel(&self) {
        self.close();
        if let Some(id) = self.from.get_value() {
            focus_later(id);
        }
    }
}

/// Every hit in the open workspace.
pub fn workspace_hits(app: AppState) -> Vec<Hit> {
    app.read_untracked(personal_data::personal_data_hits)
        .unwrap_or_default()
}

/// The hits in the open workspace whose text the output carries (a CSV, a printed page).
pub fn hits_in(app: AppState, output: &str) -> Vec<Hit> {
    personal_data::hits_in_output(workspace_hits(app), output)
}

/// The CSV bytes with the hits named by `leave_out` replaced by «[fjernet]».
pub fn redact_bytes(bytes: Vec<u8>, hits: &[Hit], leave_out: &[String]) -> Vec<u8> {
    if leave_out.is_empty() {
        return bytes;
    }
    match String::from_utf8(bytes) {
        Ok(s) => personal_data::redact_text(&s, hits, leave_out).into_bytes(),
        Err(e) => e.into_bytes(),
    }
}

/// Makes a CSV download go through the check: `make` builds the file's bytes and name (None when no
/// workspace is open); the hits it carries are shown, and the file is written with the chosen ones left out.
pub fn check_csv(
    app: AppState,
    check: PrivacyCheck,
    make: impl FnOnce() -> Option<(Vec<u8>, String)>,
    write: impl Fn(Vec<u8>, String) + 'static,
) {
    let Some((bytes, name)) = make() else {
        return;
    };
    let hits = hits_in(app, &String::from_utf8_lossy(&bytes));
    let all = hits.clone();
    check.run(hits, move |leave_out| {
        write(redact_bytes(bytes.clone(), &all, &leave_out), name.clone())
    });
}

/// The warning of `check`: nothing while no hits wait for a decision.
#[component]
pub fn PrivacyWarning(
    check: PrivacyCheck,
    /// The deliberate button's label: «Eksportér alligevel» unless told.
    #[prop(optional)]
    anyway: Option<&'static str>,
    /// For a copy that must hold everything (the linked copy on disk): no hit can be left out.
    #[prop(optional)]
    whole: bool,
    /// For a spreadsheet being imported: the words speak of the import, not an export.
    #[prop(optional)]
    import: bool,
) -> impl IntoView {
    let anyway = anyway.unwrap_or(tx::EXPORT_ANYWAY);
    let app = use_app();
    let hits = check.hits;
    let left_out = check.left_out;
    let heading_id = check.heading_id();
    let all_id = format!("privacy-{}-all", check.name);
    let toggle = move |id: String, on: bool| {
        left_out.update(|l| {
            l.retain(|x| *x != id);
            if on {
                l.push(id);
            }
        })
    };
    let all_chosen = move || hits.with(|h| !h.is_empty() && left_out.with(|l| l.len() == h.len()));
    move || {
        if hits.with(Vec::is_empty) {
            return None;
        }
        let list = hits.with(|h| {
            h.iter()
                .take(SHOWN)
                .enumerate()
                .map(|(n, h)| hit_item(app, check, n, h.clone(), toggle, !whole, import))
                .collect_view()
        });
        let more = hits.with(|h| h.len().saturating_sub(SHOWN));
        let (heading_id, labelled_by, all_id) =
            (heading_id.clone(), heading_id.clone(), all_id.clone());
        Some(view! {
            <div class="alert alert-warning privacy-check no-print" data-testid="privacy-check"
                role="region" aria-labelledby=labelled_by>
                <h2 id=heading_id tabindex="-1">{if import { tx::import::HEADING } else { tx::HEADING }}</h2>
                <p>{move || tx::lead(hits.with(Vec::len))}</p>
                <p>{if import { tx::import::ADVICE } else if whole { tx::ADVICE_WHOLE } else { tx::ADVICE }}</p>
                <ul class="privacy-hits" aria-label=tx::LIST_LABEL data-testid="privacy-hits">{list}</ul>
                {(more > 0).then(|| view! { <p>{if import { tx::import::more(more) } else { tx::more(more) }}</p> })}
                {(!whole).then(|| view! {
                    <div class="checkbox">
                        <input type="checkbox" id=all_id.clone() prop:checked=all_chosen
                            on:change=move |ev| {
                                let ids = if event_target_checked(&ev) {
                                    hits.with(|h| h.iter().map(|x| x.id.clone()).collect())
                                } else {
                                    Vec::new()
                                };
                                left_out.set(ids);
                            }/>
                        <label for=all_id>{if import { tx::import::LEAVE_OUT_ALL } else { tx::LEAVE_OUT_ALL }}</label>
                    </div>
                    <p aria-live="polite" data-testid="privacy-left-out">{move || if import { tx::import::left_out(left_out.with(Vec::len)) } else { tx::left_out(left_out.with(Vec::len)) }}</p>
                })}
                <div class="button-row">
                    <button type="button" class="button secondary" on:click=move |_| check.cancel()>{tx::CANCEL}</button>
                    <button type="button" class="button danger" on:click=move |_| check.proceed()>{anyway}</button>
                </div>
            </div>
        })
    }
}

fn hit_item(
    app: AppState,
    check: PrivacyCheck,
    n: usize,
    hit: Hit,
    toggle: impl Fn(String, bool) + Copy + 'static,
    can_leave_out: bool,
    import: bool,
) -> impl IntoView {
    let left_out = check.left_out;
    let box_id = format!("privacy-{}-hit-{n}", check.name);
    let id = hit.id.clone();
    let checked = {
        let id = id.clone();
        move || left_out.with(|l| l.contains(&id))
    };
    let place = app
        .read_untracked(|w| crate::text::place::describe(&hit.path, Some(w)))
        .unwrap_or_else(|| crate::text::place::describe(&hit.path, None));
    let where_ = match place.link {
        Some(href) => view! { <a href=at(&href)>{place.words}</a> }.into_any(),
        None => view! { <span>{place.words}</span> }.into_any(),
    };
    view! {
        <li data-kind=format!("{:?}", hit.kind).to_lowercase()>
            <strong>{tx::kind_capitalised(hit.kind)}</strong>" «"{hit.text.clone()}"» "{tx::IN}" "{where_}
            {can_leave_out.then(|| view! {
                <div class="checkbox">
                    <input type="checkbox" id=box_id.clone() prop:checked=checked
                        on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                    <label for=box_id>{if import { tx::import::LEAVE_OUT } else { tx::LEAVE_OUT }}<span class="visually-hidden">{format!(": {} «{}»", tx::kind(hit.kind), hit.text)}</span></label>
                </div>
            })}
        </li>
    }
}

/// «Udskriv» that checks the page first: the hits whose text the page shows are listed, and the chosen
/// ones are replaced by «[fjernet]» on the page while the browser prints it, then put back.
#[component]
pub fn PrintButton(
    #[prop(into)] label: String,
    /// Names the warning's ids on the page.
    name: &'static str,
) -> impl IntoView {
    let app = use_app();
    let check = PrivacyCheck::new(name);
    let button_id = format!("privacy-{name}-print");
    // A long list still drawn in part (kit::progressive) is waited for: the check and the print need it all.
    let start = move |_| {
        crate::ui::kit::progressive::when_drawn(move || {
            let text = page_text();
            let hits = hits_in(app, &text);
            let all = hits.clone();
            check.run(hits, move |leave_out| print_without(&all, &leave_out));
        })
    };
    view! {
        <button type="button" class="button" id=button_id on:click=start>{label}</button>
        <PrivacyWarning check=check anyway=tx::PRINT_ANYWAY/>
    }
}

fn print_root() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    document()
        .query_selector("main")
        .ok()
        .flatten()
        .or_else(|| document().body().map(Into::into))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

fn page_text() -> String {
    print_root().map(|e| e.inner_text()).unwrap_or_default()
}

/// Prints the page with the texts of the chosen hits replaced in its text nodes, then puts them back
/// (the browser's print returns once the printout is made).
fn print_without(hits: &[Hit], leave_out: &[String]) {
    let mut changed: Vec<(web_sys::Node, String)> = Vec::new();
    if !leave_out.is_empty() {
        if let Some(root) = print_root() {
            let mut stack: Vec<web_sys::Node> = vec![root.into()];
            while let Some(node) = stack.pop() {
                if node.node_type() == web_sys::Node::TEXT_NODE {
                    if let Some(old) = node.node_value() {
                        let new = personal_data::redact_text(&old, hits, leave_out);
                        if new != old {
                            node.set_node_value(Some(&new));
                            changed.push((node.clone(), old));
                        }
                    }
                }
                let mut child = node.first_child();
                while let Some(c) = child {
                    child = c.next_sibling();
                    stack.push(c);
                }
            }
        }
    }
    let _ = window().print();
    for (node, old) in changed {
        node.set_node_value(Some(&old));
    }
}
