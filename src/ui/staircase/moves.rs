//! The measurement form's moves between steps: rows of "from step", "to step" and a count of children,
//! read and checked when the form is saved. Rows with nothing in them are left out.

use super::ctx::{focus_later, parse_id, use_ctx};
use crate::model::field_path::FieldPath;
use crate::model::validation::Problem;
use crate::model::{Id, StepMove};
use crate::text::staircase as ts;
use crate::ui::kit::limits;
use leptos::prelude::*;

/// One row as typed: the chosen steps' ids ("" for none) and the count's text.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: u32,
    from: String,
    to: String,
    children: String,
}

impl Row {
    fn is_blank(&self) -> bool {
        self.from.is_empty() && self.to.is_empty() && self.children.trim().is_empty()
    }
}

/// The DOM id of a row's field: `part` is "from", "to" or "children", as in the file.
fn field_id(key: u32, part: &str) -> String {
    format!("m-move-{key}-{part}")
}

/// The rows, their errors (by field id) and the next row's key.
#[derive(Clone, Copy)]
pub struct MoveRows {
    rows: RwSignal<Vec<Row>>,
    errors: RwSignal<Vec<(String, String)>>,
    next_key: StoredValue<u32>,
    /// The rows the form opened with, as (from, to, children) text, to tell whether they changed.
    start: StoredValue<Vec<(String, String, String)>>,
}

impl MoveRows {
    pub fn new(moves: &[StepMove]) -> Self {
        let rows: Vec<Row> = moves
            .iter()
            .zip(0u32..)
            .map(|(mv, key)| Row {
                key,
                from: mv.from.to_string(),
                to: mv.to.to_string(),
                children: mv.children.to_string(),
            })
            .collect();
        let start = filled(&rows);
        MoveRows {
            next_key: StoredValue::new(rows.len() as u32),
            rows: RwSignal::new(rows),
            errors: RwSignal::new(Vec::new()),
            start: StoredValue::new(start),
        }
    }

    /// Whether the filled-in rows differ from the ones the form opened with (tracked).
    pub fn differ_from_start(&self) -> bool {
        let now = self.rows.with(|r| filled(r));
        self.start.with_value(|s| *s != now)
    }

    /// The moves to save, each with the key of its row; or, with the errors shown at their fields, the id
    /// of the first field to fix.
    pub fn read(&self) -> Result<Vec<(u32, StepMove)>, String> {
        let mut errors = Vec::new();
        let mut moves = Vec::new();
        for row in self.rows.get_untracked().iter().filter(|r| !r.is_blank()) {
            let mut error = |part: &str, message: String| {
                errors.push((field_id(row.key, part), message));
            };
            let from = parse_id(&row.from);
            let to = parse_id(&row.to);
            if from.is_none() {
                error("from", ts::MOVE_FROM_MISSING.into());
            }
            match to {
                None => error("to", ts::MOVE_TO_MISSING.into()),
                Some(to) if Some(to) == from => {
                    error("to", crate::text::ui::field_problem(&Problem::SameStep))
                }
                Some(_) => {}
            }
            let children = match crate::text::parse_whole(&row.children) {
                Ok(Some(n)) if n > 0 => Some(n),
                Ok(_) => {
                    error("children", ts::MOVE_CHILDREN_MISSING.into());
                    None
                }
                Err(e) => {
                    error("children", e);
                    None
                }
            };
            if let (Some(from), Some(to), Some(children)) = (from, to, children) {
                moves.push((row.key, StepMove { from, to, children }));
            }
        }
        let first = errors.first().map(|(f, _)| f.clone());
        self.errors.set(errors);
        match first {
            Some(f) => Err(f),
            None => Ok(moves),
        }
    }

    /// Shows a refused rule about `moves[i].part` at its field; `keys[i]` is the row of the i-th saved
    /// move. Returns the field's id, or `None` when `field` names no move.
    pub fn show_error(&self, field: &FieldPath, message: String, keys: &[u32]) -> Option<String> {
        use crate::model::field_path::PathStep::{Index, Key};
        let [Key(list), Index(index), Key(part)] = field.steps() else {
            return None;
        };
        if list != "moves" {
            return None;
        }
        let key = *keys.get(*index)?;
        let part = match part.as_str() {
            "from" | "to" | "children" => part.as_str(),
            _ => "to",
        };
        let id = field_id(key, part);
        self.errors.set(vec![(id.clone(), message)]);
        Some(id)
    }

    /// Forgets the errors (another field's error is shown instead).
    pub fn clear_errors(&self) {
        self.errors.set(Vec::new());
    }

    fn error_for(&self, id: &str) -> Option<String> {
        self.errors
            .with(|e| e.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone()))
    }
}

/// The filled-in rows as text, for comparing.
fn filled(rows: &[Row]) -> Vec<(String, String, String)> {
    rows.iter()
        .filter(|r| !r.is_blank())
        .map(|r| (r.from.clone(), r.to.clone(), r.children.trim().to_string()))
        .collect()
}

/// The fieldset with the rows and "Tilføj flytning". `steps` are the staircase's steps in order, with the
/// names the selects show.
#[component]
pub fn MovesFieldset(moves: MoveRows, steps: Vec<(Id, String)>) -> impl IntoView {
    let steps = StoredValue::new(steps);
    let keys = Memo::new(move |_| {
        moves
            .rows
            .with(|r| r.iter().map(|x| x.key).collect::<Vec<_>>())
    });
    let add = move |_| {
        let key = moves.next_key.get_value();
        moves.next_key.set_value(key + 1);
        moves.rows.update(|r| {
            r.push(Row {
                key,
                from: String::new(),
                to: String::new(),
                children: String::new(),
            })
        });
        focus_later(field_id(key, "from"));
    };
    view! {
        <fieldset class="form-group move-fieldset" aria-describedby="m-moves-hint">
            <legend class="form-label">{ts::MOVES_LEGEND}</legend>
            <span class="form-hint" id="m-moves-hint">{ts::MOVES_HINT}</span>
            <Show when=move || !keys.with(|k| k.is_empty()) fallback=|| view! { <p class="muted move-none">{ts::MOVES_NONE}</p> }>
                <ol class="move-rows">
                    <For each=move || keys.get() key=|k| *k let:key>
                        <MoveRowView moves=moves steps=steps key=key/>
                    </For>
                </ol>
            </Show>
            <button type="button" class="button secondary" id="m-moves-add" on:click=add>{ts::ADD_MOVE}</button>
        </fieldset>
    }
}

#[component]
fn MoveRowView(moves: MoveRows, steps: StoredValue<Vec<(Id, String)>>, key: u32) -> impl IntoView {
    let ctx = use_ctx();
    let current = Memo::new(move |_| {
        moves.rows.with(|r| {
            r.iter()
                .position(|x| x.key == key)
                .map(|i| (i, r[i].clone()))
        })
    });
    let number = move || current.get().map(|(i, _)| i + 1).unwrap_or(0);
    let update = move |f: &dyn Fn(&mut Row)| {
        moves.rows.update(|r| {
            if let Some(x) = r.iter_mut().find(|x| x.key == key) {
                f(x);
            }
        })
    };
    let remove = move |_| {
        let Some((i, _)) = current.get_untracked() else {
            return;
        };
        moves.rows.update(|r| r.retain(|x| x.key != key));
        let prefix = format!("m-move-{key}-");
        moves
            .errors
            .update(|e| e.retain(|(f, _)| !f.starts_with(&prefix)));
        // Focus goes to the row that took this one's place, else the one before, else the add button.
        let next = moves.rows.with_untracked(|r| {
            r.get(i)
                .or_else(|| i.checked_sub(1).and_then(|j| r.get(j)))
                .map(|x| field_id(x.key, "from"))
        });
        focus_later(next.unwrap_or_else(|| "m-moves-add".into()));
        ctx.say(ts::move_removed(i + 1));
    };
    let select = move |part: &'static str| {
        let id = field_id(key, part);
        let error = {
            let id = id.clone();
            Memo::new(move |_| moves.error_for(&id))
        };
        let value = move || {
            current
                .get()
                .map(|(_, r)| if part == "from" { r.from } else { r.to })
                .unwrap_or_default()
        };
        let label = if part == "from" {
            ts::MOVE_FROM
        } else {
            ts::MOVE_TO
        };
        let error_id = format!("{id}-error");
        view! {
            <div class="form-group move-step" class:has-error=move || error.get().is_some()>
                <label class="form-label" for=id.clone()>{label}</label>
                {let error_id = error_id.clone(); move || error.get().map(|e| view! { <span class="form-error" id=error_id.clone()>{e}</span> })}
                <select id=id.clone() class="form-select"
                    aria-describedby=move || error.get().is_some().then(|| error_id.clone())
                    aria-invalid=move || error.get().is_some().to_string()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|r| if part == "from" { r.from = v.clone() } else { r.to = v.clone() })
                    }>
                    <option value="" selected=move || value().is_empty()>{ts::MOVE_CHOOSE_STEP}</option>
                    {steps.get_value().into_iter().map(|(sid, name)| {
                        let v = sid.to_string();
                        let sv = v.clone();
                        view! { <option value=v selected=move || value() == sv>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let children_id = field_id(key, "children");
    let children_error = {
        let id = children_id.clone();
        Memo::new(move |_| moves.error_for(&id))
    };
    let children_error_id = format!("{children_id}-error");
    view! {
        <li class="move-row">
            <fieldset class="move-row-fields">
                <legend class="move-row-legend">{move || ts::move_legend(number())}</legend>
                {select("from")}
                {select("to")}
                <div class="form-group move-children" class:has-error=move || children_error.get().is_some()>
                    <label class="form-label" for=children_id.clone()>{ts::MOVE_CHILDREN}</label>
                    {let id = children_error_id.clone(); move || children_error.get().map(|e| view! { <span class="form-error" id=id.clone()>{e}</span> })}
                    <input id=children_id.clone() class="form-input" type="text" inputmode="numeric" autocomplete="off" maxlength=limits::NUMBER
                        aria-describedby=move || children_error.get().is_some().then(|| children_error_id.clone())
                        aria-invalid=move || children_error.get().is_some().to_string()
                        prop:value=move || current.get().map(|(_, r)| r.children).unwrap_or_default()
                        on:input=move |ev| { let v = event_target_value(&ev); update(&|r| r.children = v.clone()) }/>
                </div>
                <button type="button" class="button secondary move-remove" on:click=remove>
                    {ts::REMOVE_MOVE}<span class="visually-hidden">{move || ts::remove_move_which(number())}</span>
                </button>
            </fieldset>
        </li>
    }
}
