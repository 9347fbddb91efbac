//! Files the app writes for other programs: CSV for Danish Excel.

pub mod meetings_csv;
pub mod plan_csv;
