//! Long reading and writing done in slices, so that the browser can draw and take input between them: a
//! large workspace opens and imports without one long task on the page (goal: none over 50 ms). Plain
//! Rust: the browser hands in its clock and its way of yielding (`browser::pace`); natively and in tests
//! nothing pauses.

use futures::future::LocalBoxFuture;

#[derive(Clone, Copy)]
pub struct Pace {
    /// Whether the current slice has run its time.
    due: fn() -> bool,
    /// Ends the slice: done once the browser has had its turn.
    pause: fn() -> LocalBoxFuture<'static, ()>,
}

impl Pace {
    /// Never pauses: native code and tests, and work too small to slice.
    pub const UNPACED: Pace = Pace {
        due: || false,
        pause: || Box::pin(async {}),
    };

    pub const fn new(due: fn() -> bool, pause: fn() -> LocalBoxFuture<'static, ()>) -> Self {
        Pace { due, pause }
    }

    /// Called between two pieces of work: lets the browser in when the slice has run its time.
    pub async fn breathe(&self) {
        if (self.due)() {
            (self.pause)().await;
        }
    }

    /// Lets the browser in now, before a piece of work too large to share a slice with another.
    pub async fn yield_now(&self) {
        (self.pause)().await;
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
}
