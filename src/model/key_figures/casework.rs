//! Children per caseworker against the band the municipality aims for (Assens from 30 to 25; Borås 15–22;
//! Herning 22–25).

use super::series::Series;
use crate::model::{CaseloadBand, Id};
use chrono::NaiveDate;

/// Bands from the seed papers, for a quick choice; the user may set any other.
pub const PRESETS: [(&str, CaseloadBand); 3] = [
    ("Assens", CaseloadBand { min: 25, max: 25 }),
    ("Borås", CaseloadBand { min: 15, max: 22 }),
    ("Herning", CaseloadBand { min: 22, max: 25 }),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Fewer children per caseworker than the band.
    Below,
    Within,
    /// More children per caseworker than the band: the heavier side.
    Above,
}

/// Where `load` stands, compared as shown (to one decimal), so "25,0" is never called above 25.
pub fn standing(load: f64, band: CaseloadBand) -> Standing {
    let shown = (load * 10.0).round() / 10.0;
    if shown < f64::from(band.min) {
        Standing::Below
    } else if shown > f64::from(band.max) {
        Standing::Above
    } else {
        Standing::Within
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseloadPoint {
    pub measurement_id: Id,
    pub name: String,
    pub date: NaiveDate,
    pub caseworkers: Option<u32>,
    pub casework_children: i64,
    pub load: Option<f64>,
    /// `None` without a load or a band.
    pub standing: Option<Standing>,
}

/// Caseload at each point of the series.
pub fn caseload_series(series: &Series, band: Option<CaseloadBand>) -> Vec<CaseloadPoint> {
    series
        .points
        .iter()
        .map(|p| CaseloadPoint {
            measurement_id: p.measurement_id,
            name: p.name.clone(),
            date: p.date,
            caseworkers: p.caseworkers,
            casework_children: p.casework_children,
            load: p.caseload,
            standing: p.caseload.zip(band).map(|(l, b)| standing(l, b)),
        })
        .collect()
}
