//! A form's errors, the way Det Fælles Designsystem shows them: each at its field (the text above the
//! input, tied to it by `aria-describedby` and marked by `aria-invalid`, see `field.rs`), and one for the
//! whole form above its buttons. Fields are typed per area (`PlanField`, `StaircaseField`); the model maps
//! its own field names (`unit_cost`, `budget[2].amount`) to them, in one place per area.

use crate::model::field_path::FieldPath;
use crate::ui::kit::focus::focus_later;
use leptos::prelude::*;

/// One error: about `field` when there is one, else about the whole form.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError<F> {
    pub field: Option<F>,
    pub message: String,
}

impl<F> FieldError<F> {
    pub fn at(field: F, message: impl Into<String>) -> Self {
        FieldError {
            field: Some(field),
            message: message.into(),
        }
    }

    pub fn general(message: impl Into<String>) -> Self {
        FieldError {
            field: None,
            message: message.into(),
        }
    }
}

/// What an area's edit refuses with: its rule broken as a [`FieldError`], and the form field of a field
/// the model names, for a command the workspace refused (see `kit::edit::apply`).
pub trait FormRule {
    type Field;
    fn error(self) -> FieldError<Self::Field>;
    fn field_of(model_field: &FieldPath) -> Option<Self::Field>;
}

/// The errors a form shows: a `Copy` handle, created with the form.
pub struct FormErrors<F: Send + Sync + 'static> {
    list: RwSignal<Vec<FieldError<F>>>,
}

impl<F: Send + Sync + 'static> Clone for FormErrors<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Send + Sync + 'static> Copy for FormErrors<F> {}

impl<F: Copy + PartialEq + Send + Sync + 'static> Default for FormErrors<F> {
    fn default() -> Self {
        Self::new()
    }
}

impl<F: Copy + PartialEq + Send + Sync + 'static> FormErrors<F> {
    pub fn new() -> Self {
        FormErrors {
            list: RwSignal::new(Vec::new()),
        }
    }

    /// The error shown at `field` (what a field's `error` prop takes).
    pub fn at(self, field: F) -> Signal<Option<String>> {
        Signal::derive(move || self.message(Some(field)))
    }

    /// The error about the whole form.
    pub fn general(self) -> Signal<Option<String>> {
        Signal::derive(move || self.message(None))
    }

    /// The first error about `field` (`None`: the whole form), tracked.
    pub fn message(self, field: Option<F>) -> Option<String> {
        self.list.with(|l| {
            l.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }

    /// Every error, in the order they were set (for an error summary), tracked.
    pub fn all(self) -> Vec<FieldError<F>> {
        self.list.get()
    }

    /// Shows `err` alone.
    pub fn set_one(self, err: FieldError<F>) {
        self.list.set(vec![err]);
    }

    /// Shows `errs`, and no other.
    pub fn set_all(self, errs: Vec<FieldError<F>>) {
        self.list.set(errs);
    }

    /// Sets or clears the error at one field, leaving the others.
    pub fn set_at(self, field: F, message: Option<String>) {
        self.list.update(|l| {
            l.retain(|e| e.field != Some(field));
            if let Some(m) = message {
                l.push(FieldError::at(field, m));
            }
        });
    }

    /// Sets or clears the error at one field, shown first (in a summary) when set.
    pub fn set_first(self, field: F, message: Option<String>) {
        self.list.update(|l| {
            l.retain(|e| e.field != Some(field));
            if let Some(m) = message {
                l.insert(0, FieldError::at(field, m));
            }
        });
    }

    /// Keeps the errors whose field `keep` says to keep.
    pub fn retain(self, keep: impl Fn(Option<F>) -> bool) {
        self.list.update(|l| l.retain(|e| keep(e.field)));
    }

    pub fn clear(self) {
        self.list.update(Vec::clear);
    }

    pub fn is_empty(self) -> bool {
        self.list.with_untracked(Vec::is_empty)
    }

    /// Shows `err` alone: at its field when the form has it (`on_form`), else as the form's error.
    pub fn put(self, err: FieldError<F>, on_form: &[F]) {
        let field = err.field.filter(|f| on_form.contains(f));
        self.set_one(FieldError {
            field,
            message: err.message,
        });
    }

    /// Shows `err` alone at its field and moves the focus to the field's input (`input_id`), or as the
    /// form's error when the field has no input on this form.
    pub fn show<S: Into<String>>(self, err: FieldError<F>, input_id: impl Fn(F) -> Option<S>) {
        match err.field.and_then(|f| Some((f, input_id(f)?))) {
            Some((field, input)) => {
                self.set_one(FieldError::at(field, err.message));
                focus_later(input.into());
            }
            None => self.set_one(FieldError::general(err.message)),
        }
    }
}

/// The form's own error, above its buttons.
#[component]
pub fn GeneralError<F: Copy + PartialEq + Send + Sync + 'static>(
    errors: FormErrors<F>,
) -> impl IntoView {
    move || {
        errors
            .general()
            .get()
            .map(|m| view! { <p class="form-error" role="alert">{m}</p> })
    }
}
