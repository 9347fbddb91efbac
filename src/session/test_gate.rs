//! A switch that test doubles wait on (a save, a journal write, a file write held mid-way), so a test can
//! act while one is in flight and then release it.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A switch that held saves wait on; releasing it wakes them.
#[derive(Default)]
pub struct Gate {
    closed: Cell<bool>,
    waiting: RefCell<Vec<std::task::Waker>>,
}

impl Gate {
    pub fn set(&self, closed: bool) {
        self.closed.set(closed);
        if !closed {
            for w in self.waiting.borrow_mut().drain(..) {
                w.wake();
            }
        }
    }
}

/// Waits while the gate is closed.
pub struct Wait<'a>(pub &'a Gate);

impl Future for Wait<'_> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.closed.get() {
            self.0.waiting.borrow_mut().push(cx.waker().clone());
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    }
}
