//! The `maxlength` of every text field: the model's rules for what a record may hold, and the widths of the
//! typed formats the forms read (a date is `dd.mm.åååå`). Fields use these names, never a number, so a form
//! cannot refuse what the model allows or let through what it refuses.

use crate::model::revision::MAX_AUTHOR;
use crate::model::validation::{MAX_CASE_REF, MAX_NAME, MAX_TEXT};

/// A name, title or other one-line text (the model's [`MAX_NAME`]).
pub const NAME: usize = MAX_NAME;
/// A description, note or other free text (the model's [`MAX_TEXT`]).
pub const TEXT: usize = MAX_TEXT;
/// A case reference (the model's [`MAX_CASE_REF`]).
pub const CASE_REF: usize = MAX_CASE_REF;
/// `dd.mm.åååå`.
pub const DATE: usize = 10;
/// `tt:mm`.
pub const TIME: usize = 5;
/// `mm.åååå`.
pub const MONTH: usize = 7;
/// A whole number or an amount as Danes write it (`1.234.567,50`).
pub const NUMBER: usize = 20;
/// A band's bound on the staircase chart (at most five digits).
pub const BAND_BOUND: usize = 5;
/// An author's initials (the model's [`MAX_AUTHOR`]).
pub const AUTHOR: usize = MAX_AUTHOR;
