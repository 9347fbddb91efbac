//! Long lists drawn in two steps: the first screenful at once, the rest as soon as the browser has painted
//! it and is idle. A click into a large workspace (500 interventions on the staircase, 300 initiatives in
//! the plan's list and on its board, in the committee report) then shows its screen after one short task
//! instead of after every row is built; the rest follows a moment later, in the same order. Short lists
//! are drawn whole at once.

use leptos::prelude::*;
use std::time::Duration;

/// Items of each list side by side (a column) drawn before the first paint: more than a column shows
/// before the page is scrolled (the staircase's columns start half-way down; at 1920×1080 one or two
/// cards of each show).
const FIRST: usize = 4;
/// Items of lists stacked one under the other (the plan's groups, the report's initiatives) drawn before
/// the first paint, counted over all of them: more rows than a projector shows.
const FIRST_STACKED: usize = 24;
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

    /// Whether a list stacked under `before` items of the lists above it is drawn yet: those in the first
    /// screenful at once, the others once the view is drawn whole.
    pub fn reaches(self, before: usize) -> bool {
        self.0.get() || before < FIRST_STACKED
    }

    /// `items` of a list stacked under `before` items of the lists above it, as far as they are drawn: the
    /// rest of the first screenful before the first paint, then all of them.
    pub fn take_after<T>(self, before: usize, mut items: Vec<T>) -> Vec<T> {
        if !self.0.get() {
            items.truncate(FIRST_STACKED.saturating_sub(before));
        }
        items
    }
}

/// Runs `then` once no list on the page is drawn in part any more (each marks itself `aria-busy` while it
/// is), at once if none is: a print reads and prints the whole page, not its first screenful.
pub fn when_drawn(then: impl Fn() + Copy + 'static) {
    let in_part = document()
        .query_selector("main [aria-busy='true']")
        .ok()
        .flatten()
        .is_some();
    if in_part {
        set_timeout(move || when_drawn(then), Duration::from_millis(50));
    } else {
        then();
    }
}
