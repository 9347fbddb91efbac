//! Behaviour every form field shares, installed once for the whole app so each field need not repeat it,
//! and the one file field every file input uses.

pub mod file_field;
pub mod limits;
pub mod text_limit;
