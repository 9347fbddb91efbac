//! Behaviour every form field shares, installed once for the whole app so each field need not repeat it.

pub mod text_limit;
