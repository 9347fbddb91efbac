//! The measurement form's moves between steps: rows of "from step", "to step" and a count of children,
//! read and checked when the form is saved. Rows with nothing in them are left out.

use super::ctx::{focus_later, parse_id, use_ctx};
use crate::model::staircase_ops::MovePart;
use crate::model::validation::Problem;
use crate::model::{Id, StepMove};
use crate::text::staircase as ts;
use crate::ui::kit::errors::{FieldError, FormErrors};
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

/// The DOM id of a row's field: `m-move-{key}-from`, `-to` or `-children`, as in the file.
fn field_id(key: u32, part: MovePart) -> String {
    let part = match part {
        MovePart::From => "from",
        MovePart::To => "to",
        MovePart::Children => "children",
    };
    format!("m-move-{key}-{part}")
}

/// A field of the rows: the row's key and which of its fields.
type MoveField = (u32, MovePart);

/// The rows, their errors (by row key and field) and the next row's key.
#[derive(Clone, Copy)]
pub struct MoveRows {
    rows: RwSignal<Vec<Row>>,
    errors: FormErrors<MoveField>,
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
            errors: FormErrors::new(),
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
            let mut error = |part: MovePart, message: String| {
                errors.push(FieldError::at((row.key, part), message));
            };
            let from = parse_id(&row.from);
            let to = parse_id(&row.to);
            if from.is_none() {
                error(MovePart::From, ts::MOVE_FROM_MISSING.into());
            }
            match to {
                None => error(MovePart::To, ts::MOVE_TO_MISSING.into()),
                Some(to) if Some(to) == from => error(
                    MovePart::To,
                    crate::text::ui::field_problem(&Problem::SameStep),
                ),
                Some(_) => {}
            }
            let children = match crate::text::parse_whole(&row.children) {
                Ok(Some(n)) if n > 0 => Some(n),
                Ok(_) => {
                    error(MovePart::Children, ts::MOVE_CHILDREN_MISSING.into());
                    None
                }
                Err(e) => {
                    error(MovePart::Children, e);
                    None
                }
            };
            if let (Some(from), Some(to), Some(children)) = (from, to, children) {
                moves.push((row.key, StepMove { from, to, children }));
            }
        }
        let first = errors
            .first()
            .and_then(|e| e.field)
            .map(|(key, part)| field_id(key, part));
        self.errors.set_all(errors);
        match first {
            Some(f) => Err(f),
            None => Ok(moves),
        }
    }

    /// Shows a refused rule about the `index`-th saved move at its field; `keys[i]` is the row of the
    /// i-th saved move. Returns the field's id, or `None` when there is no such row.
    pub fn show_error(
        &self,
        index: usize,
        part: MovePart,
        message: String,
        keys: &[u32],
    ) -> Option<String> {
        let key = *keys.get(index)?;
        self.errors.set_one(FieldError::at((key, part), message));
        Some(field_id(key, part))
    }

    /// Forgets the errors (another field's error is shown instead).
    pub fn clear_errors(&self) {
        self.errors.clear();
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
        focus_later(field_id(key, MovePart::From));
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
        moves.errors.retain(|f| f.is_none_or(|(k, _)| k != key));
        // Focus goes to the row that took this one's place, else the one before, else the add button.
        let next = moves.rows.with_untracked(|r| {
            r.get(i)
                .or_else(|| i.checked_sub(1).and_then(|j| r.get(j)))
                .map(|x| field_id(x.key, MovePart::From))
        });
        focus_later(next.unwrap_or_else(|| "m-moves-add".into()));
        ctx.say(ts::move_removed(i + 1));
    };
    let select = move |part: MovePart| {
        let id = field_id(key, part);
        let error = Memo::new(move |_| moves.errors.message(Some((key, part))));
        let value = move || {
            current
                .get()
                .map(|(_, r)| if part == MovePart::From { r.from } else { r.to })
                .unwrap_or_default()
        };
        let label = if part == MovePart::From {
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
                        update(&|r| if part == MovePart::From { r.from = v.clone() } else { r.to = v.clone() })
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
    let children_id = field_id(key, MovePart::Children);
    let children_error = Memo::new(move |_| moves.errors.message(Some((key, MovePart::Children))));
    let children_error_id = format!("{children_id}-error");
    view! {
        <li class="move-row">
            <fieldset class="move-row-fields">
                <legend class="move-row-legend">{move || ts::move_legend(number())}</legend>
                {select(MovePart::From)}
                {select(MovePart::To)}
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
