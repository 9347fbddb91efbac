//! Long lists drawn in two steps: the first screenful at once, the rest as soon as the browser has painted
//! it and is idle. A click into a large workspace (500 interventions on the staircase, 300 initiatives in
//! the plan's list and on its board) then shows its screen after one short task instead of after every
//! row is built; the rest follows a moment later, in the same order. Short lists are drawn whole at once.

use leptos::prelude::*;

/// Items of each list (a column, a group) drawn before the first paint: more than a column shows on a
/// projector.
const FIRST: usize = 8;
/// Views with at most this many items in all are drawn whole at once (every example is).
const WHOLE_AT_ONCE: usize = 120;

/// Whether a view's long lists are drawn whole yet. One per view, shared by its lists.
#[derive(Clone, Copy)]
pub struct Progressive(RwSignal<bool>);

impl Progressive {
    /// A view of `items` items in all: a short one is drawn whole at once; a long one starts drawn in part
    /// and is drawn whole once the browser has painted that and is idle.
    pub fn start(items: usize) -> Self {
        let whole = RwSignal::new(items <= WHOLE_AT_ONCE);
        if !whole.get_untracked() {
            // The view may be gone by then (another click); then there is nothing to draw.
            crate::browser::idle::when_idle(move || {
                let _ = whole.try_set(true);
            });
        }
        Progressive(whole)
    }

    /// For `aria-busy` on the list's container: `Some("true")` while it is drawn in part.
    pub fn busy(self) -> Option<&'static str> {
        (!self.0.get()).then_some("true")
    }

    /// `items` as far as they are drawn: the first few before the first paint, then all of them.
    pub fn take<T>(self, mut items: Vec<T>) -> Vec<T> {
        if !self.0.get() {
            items.truncate(FIRST);
        }
        items
    }
}
