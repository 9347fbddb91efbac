//! Bringing in what people keep in spreadsheets: a sheet read by `spreadsheet` becomes meetings or
//! initiatives. Which column is which (`fields`), each cell read the way Danes write it (`cells`), and what
//! the rows would become before anything changes (`preview`), with the one command that imports them.

pub mod cells;
pub mod fields;
pub mod measurements;
pub mod preview;
pub mod privacy;
