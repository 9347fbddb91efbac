//! A time axis in whole calendar years for bars from start to deadline (Handleplan → Tidslinje): it spans
//! the years the dates fall in, so the bars use the width, and it takes in today only when today lies
//! near those years. A plan from 2019–2020 read in 2026 is drawn over 2019–2020, with today off the scale,
//! instead of squeezing every bar into the left fifth of a scale that runs to today.

use chrono::{Datelike, NaiveDate};

/// Today is put on the scale when it lies at most this many years outside the dates' years.
const TODAY_REACH_YEARS: i32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeScale {
    /// 1 January of the first year.
    pub start: NaiveDate,
    /// 1 January of the year after the last.
    pub end: NaiveDate,
    pub today: NaiveDate,
}

/// Where today stands against the scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TodayOnScale {
    Before,
    On,
    After,
}

fn jan1(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

impl TimeScale {
    /// The scale for `dates` (the bars' starts and deadlines) seen on `today`.
    pub fn of(dates: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> Self {
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for d in dates {
            lo = lo.min(d.year());
            hi = hi.max(d.year());
        }
        let t = today.year();
        if lo > hi {
            (lo, hi) = (t, t);
        } else if t >= lo - TODAY_REACH_YEARS && t <= hi + TODAY_REACH_YEARS {
            (lo, hi) = (lo.min(t), hi.max(t));
        }
        TimeScale {
            start: jan1(lo),
            end: jan1(hi + 1),
            today,
        }
    }

    /// The first and the last year on the scale.
    pub fn years(&self) -> (i32, i32) {
        (self.start.year(), self.end.year() - 1)
    }

    /// How far along the scale `d` lies, from 0 (start) to 1 (end); dates outside are held at the ends.
    pub fn fraction(&self, d: NaiveDate) -> f64 {
        let span = (self.end - self.start).num_days().max(1) as f64;
        ((d - self.start).num_days() as f64 / span).clamp(0.0, 1.0)
    }

    pub fn today_on_scale(&self) -> TodayOnScale {
        if self.today < self.start {
            TodayOnScale::Before
        } else if self.today >= self.end {
            TodayOnScale::After
        } else {
            TodayOnScale::On
        }
    }

    /// The years to label, each with where its 1 January lies: every year, or every second or fifth
    /// one on a long scale so the labels do not crowd.
    pub fn year_ticks(&self) -> Vec<(i32, f64)> {
        let (first, last) = self.years();
        let count = last - first + 1;
        let step = match count {
            ..=10 => 1,
            11..=20 => 2,
            _ => 5,
        };
        (first..=last)
            .filter(|y| (y - first) % step == 0)
            .map(|y| (y, self.fraction(jan1(y))))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn an_old_plan_keeps_its_own_years_and_today_is_off_the_scale() {
        let s = TimeScale::of(
            [d(2019, 4, 30), d(2020, 6, 30), d(2021, 12, 31)],
            d(2026, 12, 6),
        );
        assert_eq!(s.years(), (2019, 2021));
        assert_eq!(s.today_on_scale(), TodayOnScale::After);
        // A bar from May 2019 to the end of 2020 covers more than half of the width.
        let width = s.fraction(d(2020, 12, 31)) - s.fraction(d(2019, 5, 1));
        assert!(width > 0.5, "{width}");
        assert_eq!(s.fraction(d(2030, 1, 1)), 1.0);
        assert_eq!(s.fraction(d(2010, 1, 1)), 0.0);
        let ticks: Vec<i32> = s.year_ticks().into_iter().map(|(y, _)| y).collect();
        assert_eq!(ticks, vec![2019, 2020, 2021]);
        let x2020 = s.year_ticks()[1].1;
        assert!((x2020 - 1.0 / 3.0).abs() < 0.01, "{x2020}");
    }

    #[test]
    fn today_near_the_dates_is_on_the_scale() {
        let s = TimeScale::of([d(2019, 4, 30), d(2020, 6, 30)], d(2021, 3, 1));
        assert_eq!(s.years(), (2019, 2021));
        assert_eq!(s.today_on_scale(), TodayOnScale::On);
        let s = TimeScale::of([d(2025, 1, 1)], d(2024, 6, 1));
        assert_eq!(s.years(), (2024, 2025));
        let s = TimeScale::of([d(2030, 1, 1)], d(2024, 6, 1));
        assert_eq!(s.today_on_scale(), TodayOnScale::Before);
    }

    #[test]
    fn no_dates_gives_this_year_and_long_scales_thin_their_labels() {
        let s = TimeScale::of([], d(2026, 12, 6));
        assert_eq!(s.years(), (2026, 2026));
        assert_eq!(s.year_ticks(), vec![(2026, 0.0)]);
        let s = TimeScale::of([d(2000, 1, 1), d(2015, 1, 1)], d(2015, 6, 1));
        let ticks: Vec<i32> = s.year_ticks().into_iter().map(|(y, _)| y).collect();
        assert_eq!(ticks, vec![2000, 2002, 2004, 2006, 2008, 2010, 2012, 2014]);
    }
}
