//! Long reading and writing done in slices, so that the browser can draw and take input between them: a
//! large workspace opens and imports without one long task on the page (goal: none over 50 ms). Plain
//! Rust: the browser hands in its clock and its way of yielding (`browser::pace`); natively and in tests
//! nothing pauses.

use futures::future::LocalBoxFuture;
use std::cell::Cell;

#[derive(Clone, Copy)]
pub struct Pace {
    /// Whether the current slice has run its time.
    due: fn() -> bool,
    /// Ends the slice: done once the browser has had its turn.
    pause: fn() -> LocalBoxFuture<'static, ()>,
    /// How far the work has come (0 to 1), said as a slice ends.
    report: fn(f64),
}

impl Pace {
    /// Never pauses: native code and tests, and work too small to slice.
    pub const UNPACED: Pace = Pace::new(|| false, || Box::pin(async {}));

    pub const fn new(due: fn() -> bool, pause: fn() -> LocalBoxFuture<'static, ()>) -> Self {
        Pace {
            due,
            pause,
            report: |_| {},
        }
    }

    /// Says how far the work has come whenever a slice ends (for a progress bar).
    pub const fn with_progress(self, report: fn(f64)) -> Self {
        Pace { report, ..self }
    }

    /// Called between two pieces of work: lets the browser in when the slice has run its time.
    pub async fn breathe(&self) {
        if (self.due)() {
            (self.pause)().await;
        }
    }

    /// `breathe`, saying first how far the work has come: `done` of `total`.
    pub async fn breathe_at(&self, done: usize, total: usize) {
        if (self.due)() {
            (self.report)(done as f64 / total.max(1) as f64);
            (self.pause)().await;
        }
    }
}

/// A piece of work of `total` steps at a pace: each `step` may let the browser in, saying how far it is.
pub struct Steps<'a> {
    pace: &'a Pace,
    done: Cell<usize>,
    total: usize,
}

impl<'a> Steps<'a> {
    pub fn new(pace: &'a Pace, total: usize) -> Self {
        Steps {
            pace,
            done: Cell::new(0),
            total,
        }
    }

    pub async fn step(&self) {
        self.done.set(self.done.get() + 1);
        self.pace.breathe_at(self.done.get(), self.total).await;
    }
}

/// For tests: a pace that pauses at every chance and counts its pauses on this thread.
pub mod every_chance {
    use super::Pace;
    use std::cell::Cell;

    thread_local! {
        static PAUSES: Cell<usize> = const { Cell::new(0) };
    }

    pub const PACE: Pace = Pace::new(
        || true,
        || {
            PAUSES.with(|p| p.set(p.get() + 1));
            Box::pin(async {})
        },
    );

    /// The pauses since the last call.
    pub fn paused() -> usize {
        PAUSES.with(|p| p.replace(0))
    }
}

impl Default for Pace {
    fn default() -> Self {
        Pace::UNPACED
    }
}

impl std::fmt::Debug for Pace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pace")
    }
}

#[cfg(test)]
mod tests {
    use super::Pace;
    use std::cell::Cell;

    thread_local! {
        static CALLS: Cell<u32> = const { Cell::new(0) };
        static PAUSES: Cell<u32> = const { Cell::new(0) };
    }

    #[test]
    fn a_pace_pauses_only_when_its_slice_is_due() {
        // Due on every third call.
        let pace = Pace::new(
            || {
                CALLS.with(|c| {
                    c.set(c.get() + 1);
                    c.get() % 3 == 0
                })
            },
            || {
                PAUSES.with(|p| p.set(p.get() + 1));
                Box::pin(async {})
            },
        );
        futures::executor::block_on(async {
            for _ in 0..9 {
                pace.breathe().await;
            }
        });
        assert_eq!(PAUSES.with(Cell::get), 3);
        futures::executor::block_on(async {
            for _ in 0..9 {
                Pace::UNPACED.breathe().await;
            }
        });
        assert_eq!(PAUSES.with(Cell::get), 3, "the unpaced pace never pauses");
    }

    thread_local! {
        static SAID: std::cell::RefCell<Vec<f64>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    #[test]
    fn steps_say_how_far_the_work_has_come_as_each_slice_ends() {
        let pace = Pace::new(|| true, || Box::pin(async {}))
            .with_progress(|f| SAID.with(|s| s.borrow_mut().push(f)));
        let steps = super::Steps::new(&pace, 4);
        futures::executor::block_on(async {
            for _ in 0..4 {
                steps.step().await;
            }
        });
        assert_eq!(
            SAID.with(|s| s.borrow().clone()),
            vec![0.25, 0.5, 0.75, 1.0]
        );
    }
}
