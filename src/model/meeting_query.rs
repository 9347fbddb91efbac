//! Searching and filtering the meeting log. A `SearchIndex` is built once (and updated per edited meeting)
//! and answers each keystroke without allocating per meeting: all meetings' lowercased text lives in one
//! string, and the order newest-first is computed up front.

use super::collation::danish_cmp;
use super::{Id, Meeting, MeetingStatus, MeetingTemplate, MeetingType, Staircase};
use crate::model::sorting::StableSort;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeetingFilter {
    /// Free text; every whitespace-separated word must occur somewhere in the meeting (any case).
    pub text: String,
    /// Empty means every type.
    pub types: Vec<MeetingType>,
    /// Empty means every status.
    pub statuses: Vec<MeetingStatus>,
    /// Both ends included. With either set, undated meetings are left out.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The meeting's linked step, or one of its linked interventions, is this step.
    pub step: Option<Id>,
    /// Only meetings with at least one action item not done.
    pub open_actions_only: bool,
}

impl MeetingFilter {
    /// True when the filter lets every meeting through.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.types.is_empty()
            && self.statuses.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.step.is_none()
            && !self.open_actions_only
    }
}

/// Lowercased text of every meeting, in one buffer, and the meetings' order newest first.
/// How a meeting type reads where users search for it (the app's own wording, from `text::meeting_type`).
pub type TypeName = fn(&MeetingType) -> String;

/// A type's name without the app's wording: what the user named a custom or unknown type, nothing for the
/// built-in ones.
fn own_type_name(t: &MeetingType) -> String {
    match t {
        MeetingType::Custom(s) | MeetingType::Unknown(s) => s.clone(),
        _ => String::new(),
    }
}

#[derive(Clone, Debug)]
pub struct SearchIndex {
    /// Each meeting's fields joined by '\n', ending with '\n', so a search word (which holds no whitespace)
    /// never matches across two fields or two meetings.
    text: String,
    /// Start of meeting i's text in `text`; one extra entry marks the end.
    starts: Vec<usize>,
    ids: Vec<Id>,
    /// Meeting indices by date, newest first; undated last; ties in their original order.
    order: Vec<usize>,
    type_name: TypeName,
}

impl Default for SearchIndex {
    fn default() -> Self {
        SearchIndex::new(&[])
    }
}

/// Appends `s` lowercased: ASCII runs in bulk, other characters one by one (æøå, Æ → æ …). Used for both
/// the index and the query, so the two always agree (char by char, without str::to_lowercase's special
/// Greek final sigma).
fn push_lowercase(buf: &mut String, s: &str) {
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = buf.len();
        buf.push_str(&rest[..ascii]);
        buf[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            buf.extend(c.to_lowercase());
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// One field, lowercased, then a line break. Line breaks inside a field stay: they are whitespace, which
/// no search word contains.
fn push_field(buf: &mut String, s: &str) {
    if !s.is_empty() {
        push_lowercase(buf, s);
        buf.push('\n');
    }
}

/// Appends one meeting's searchable text: case_ref, initiator, coordinator, invited_by, chair, note_taker,
/// participants (name and relation or unit), questions, decisions, action items (what and who), notes and
/// the type's Danish label. Checklist labels are left out: they come from templates and would match nearly
/// every meeting. Never empty, so meetings' slices of the buffer never overlap.
fn push_meeting(buf: &mut String, m: &Meeting, type_name: TypeName) {
    let start = buf.len();
    for s in [
        m.case_ref.as_str(),
        &m.initiator,
        &m.coordinator,
        &m.invited_by,
        &m.chair,
        &m.note_taker,
    ] {
        push_field(buf, s);
    }
    for p in &m.participants {
        push_field(buf, &p.name);
        push_field(buf, &p.relation_or_unit);
    }
    for q in &m.questions {
        push_field(buf, q);
    }
    push_field(buf, &m.decisions);
    for a in &m.action_items {
        push_field(buf, &a.what);
        push_field(buf, &a.who);
    }
    push_field(buf, &m.notes);
    push_field(buf, &type_name(&m.meeting_type));
    if buf.len() == start {
        buf.push('\n');
    }
}

/// Meeting indices newest first. Stable; `Option` orders `None` first, so descending puts undated meetings
/// last and, on one day, meetings without a time after those with one.
fn newest_first(meetings: &[Meeting]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..meetings.len()).collect();
    order.stable_sort_by(|&a, &b| {
        (meetings[b].date, meetings[b].time).cmp(&(meetings[a].date, meetings[a].time))
    });
    order
}

impl SearchIndex {
    /// An index where built-in types are found only by filter, not by their names.
    pub fn new(meetings: &[Meeting]) -> Self {
        SearchIndex::named(meetings, own_type_name)
    }

    /// An index where a meeting's type is found by its name as `type_name` writes it.
    pub fn named(meetings: &[Meeting], type_name: TypeName) -> Self {
        let mut text = String::with_capacity(meetings.len() * 256);
        let mut starts = Vec::with_capacity(meetings.len() + 1);
        for m in meetings {
            starts.push(text.len());
            push_meeting(&mut text, m, type_name);
        }
        starts.push(text.len());
        SearchIndex {
            text,
            starts,
            ids: meetings.iter().map(|m| m.id).collect(),
            order: newest_first(meetings),
            type_name,
        }
    }

    /// Brings the index up to date after `meetings[i]` was edited, or appended as the last meeting, without
    /// re-reading the other meetings' text. Any other change (removal, reordering) rebuilds the index.
    pub fn update(&mut self, meetings: &[Meeting], i: usize) {
        let n = self.ids.len();
        if meetings.len() == n && i < n && self.ids[i] == meetings[i].id {
            let mut seg = String::new();
            push_meeting(&mut seg, &meetings[i], self.type_name);
            let (a, b) = (self.starts[i], self.starts[i + 1]);
            self.text.replace_range(a..b, &seg);
            for s in &mut self.starts[i + 1..] {
                *s = *s - b + a + seg.len();
            }
        } else if meetings.len() == n + 1 && i == n {
            push_meeting(&mut self.text, &meetings[i], self.type_name);
            self.starts.push(self.text.len());
            self.ids.push(meetings[i].id);
        } else {
            *self = SearchIndex::named(meetings, self.type_name);
            return;
        }
        self.order = newest_first(meetings);
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether the index was built from exactly these meetings' ids in this order. Text edits are not
    /// detected: call [`SearchIndex::update`] (or rebuild) whenever a meeting changes.
    pub fn is_current(&self, meetings: &[Meeting]) -> bool {
        self.ids.len() == meetings.len() && self.ids.iter().zip(meetings).all(|(id, m)| *id == m.id)
    }

    /// Keeps in `keep` only the meetings whose text contains `word`. Each run of consecutive candidates is
    /// searched as one stretch of the buffer, and after a hit the search resumes at the next meeting, so a
    /// word costs about one pass over the candidates' text.
    fn narrow(&self, word: &str, keep: &mut [bool]) {
        let n = keep.len();
        let mut i = 0;
        while i < n {
            if !keep[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && keep[j] {
                keep[j] = false;
                j += 1;
            }
            let end = self.starts[j];
            let mut pos = self.starts[i];
            while let Some(off) = self.text[pos..end].find(word) {
                let k = self.starts.partition_point(|&s| s <= pos + off) - 1;
                keep[k] = true;
                pos = self.starts[k + 1];
            }
            i = j;
        }
    }

    /// Indices into `meetings` that pass `filter`, newest first (undated last, ties in original order).
    /// `meetings` must be the slice the index was built from; if it has changed length, indices the index
    /// does not know are left out.
    pub fn query(
        &self,
        meetings: &[Meeting],
        filter: &MeetingFilter,
        steps: &Staircase,
    ) -> Vec<usize> {
        let n = self.len().min(meetings.len());
        // Interventions on the filtered step, found once per query.
        let step_interventions: Vec<Id> = filter
            .step
            .and_then(|id| steps.steps.iter().find(|s| s.id == id))
            .map(|s| s.interventions.iter().map(|iv| iv.id).collect())
            .unwrap_or_default();
        // Cheap field checks first, so the text search only reads meetings that can still match.
        let mut keep: Vec<bool> = meetings[..n]
            .iter()
            .map(|m| passes(m, filter, &step_interventions))
            .collect();

        let mut lowered = String::with_capacity(filter.text.len());
        push_lowercase(&mut lowered, &filter.text);
        let mut words: Vec<&str> = lowered.split_whitespace().collect();
        // Longest first: usually the rarest, leaving fewer candidates for the next word.
        words.stable_sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        words.dedup();
        for w in words {
            self.narrow(w, &mut keep);
        }

        self.order
            .iter()
            .copied()
            .filter(|&i| i < n && keep[i])
            .collect()
    }
}

/// The non-text parts of the filter.
fn passes(m: &Meeting, f: &MeetingFilter, step_interventions: &[Id]) -> bool {
    if !f.types.is_empty() && !f.types.contains(&m.meeting_type) {
        return false;
    }
    if !f.statuses.is_empty() && !f.statuses.contains(&m.status) {
        return false;
    }
    if f.from.is_some() || f.to.is_some() {
        let Some(date) = m.date else { return false };
        if f.from.is_some_and(|from| date < from) || f.to.is_some_and(|to| date > to) {
            return false;
        }
    }
    if let Some(step) = f.step {
        let linked = m.linked_step == Some(step)
            || m.linked_interventions
                .iter()
                .any(|id| step_interventions.contains(id));
        if !linked {
            return false;
        }
    }
    if f.open_actions_only && !m.action_items.iter().any(|a| !a.done) {
        return false;
    }
    true
}

/// One page of results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page<'a> {
    pub items: &'a [usize],
    /// 0-based, clamped to the last page.
    pub page: usize,
    /// At least 1, so "side 1 af 1" also shows for no results.
    pub page_count: usize,
    pub total: usize,
}

/// Page `page` (0-based) of `per_page` results (at least 1). A page past the end gives the last page.
pub fn paginate(results: &[usize], page: usize, per_page: usize) -> Page<'_> {
    let per_page = per_page.max(1);
    let page_count = results.len().div_ceil(per_page).max(1);
    let page = page.min(page_count - 1);
    let start = (page * per_page).min(results.len());
    let end = (start + per_page).min(results.len());
    Page {
        items: &results[start..end],
        page,
        page_count,
        total: results.len(),
    }
}

/// The found meetings (indexes into `meetings`, as a query gives them: newest first, undated last) in the
/// list's order. Oldest first reverses the dated part only, so undated meetings stay at the end.
pub fn in_list_order(
    mut found: Vec<usize>,
    meetings: &[Meeting],
    oldest_first: bool,
) -> Vec<usize> {
    if oldest_first {
        let dated = found
            .iter()
            .take_while(|&&i| meetings.get(i).is_some_and(|m| m.date.is_some()))
            .count();
        found[..dated].reverse();
    }
    found
}

/// A [`SearchIndex`] kept current with a changing meeting list. Each meeting's id and `updated_at` are
/// remembered, so an edit (`PutMeeting` stamps `updated_at`) is re-indexed alone and a removal or
/// reordering rebuilds. Checking costs one comparison per meeting; nothing is allocated when unchanged.
#[derive(Clone, Debug, Default)]
pub struct LiveIndex {
    index: SearchIndex,
    stamps: Vec<(Id, DateTime<Utc>)>,
}

impl LiveIndex {
    pub fn new(meetings: &[Meeting], type_name: TypeName) -> Self {
        LiveIndex {
            index: SearchIndex::named(meetings, type_name),
            stamps: stamps(meetings),
        }
    }

    /// Brings the index up to date with `meetings`; returns true if anything changed.
    pub fn refresh(&mut self, meetings: &[Meeting]) -> bool {
        let n = self.stamps.len();
        let prefix_same = meetings.len() >= n
            && self
                .stamps
                .iter()
                .zip(meetings)
                .all(|((id, _), m)| *id == m.id);
        if !prefix_same || meetings.len() - n > 8 {
            *self = LiveIndex::new(meetings, self.index.type_name);
            return true;
        }
        let changed: Vec<usize> = self
            .stamps
            .iter()
            .zip(meetings)
            .enumerate()
            .filter(|(_, ((_, at), m))| *at != m.updated_at)
            .map(|(i, _)| i)
            .collect();
        if changed.len() > 32 {
            *self = LiveIndex::new(meetings, self.index.type_name);
            return true;
        }
        let mut any = false;
        for i in changed {
            self.index.update(meetings, i);
            self.stamps[i].1 = meetings[i].updated_at;
            any = true;
        }
        for i in n..meetings.len() {
            // Appended one by one, as `PutMeeting` adds new meetings at the end.
            self.index.update(&meetings[..=i], i);
            self.stamps.push((meetings[i].id, meetings[i].updated_at));
            any = true;
        }
        any
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// Refreshes, then queries (see [`SearchIndex::query`]).
    pub fn query(
        &mut self,
        meetings: &[Meeting],
        filter: &MeetingFilter,
        steps: &Staircase,
    ) -> Vec<usize> {
        self.refresh(meetings);
        self.index.query(meetings, filter, steps)
    }
}

fn stamps(meetings: &[Meeting]) -> Vec<(Id, DateTime<Utc>)> {
    meetings.iter().map(|m| (m.id, m.updated_at)).collect()
}

/// A stable text key for a meeting type, for form values and links: the built-ins' serde names
/// ("family_group_conference"), a custom type as "custom:" and its name.
pub fn type_key(t: &MeetingType) -> String {
    match t {
        MeetingType::FamilyGroupConference => "family_group_conference".into(),
        MeetingType::InvolvingNetworkMeeting => "involving_network_meeting".into(),
        MeetingType::Interdisciplinary => "interdisciplinary".into(),
        MeetingType::FaellesIndsats => "faelles_indsats".into(),
        MeetingType::SignsOfSafety => "signs_of_safety".into(),
        MeetingType::FollowUp => "follow_up".into(),
        MeetingType::Custom(name) => format!("custom:{name}"),
        // Never a choice (`type_from_key` gives None): the form asks for a type instead.
        MeetingType::Unknown(found) => format!("unknown:{found}"),
    }
}

/// The type for a key made by [`type_key`]; None for an unknown key or an empty custom name.
pub fn type_from_key(key: &str) -> Option<MeetingType> {
    if let Some(name) = key.strip_prefix("custom:") {
        let name = name.trim();
        return (!name.is_empty()).then(|| MeetingType::Custom(name.to_string()));
    }
    MeetingType::BUILT_IN
        .iter()
        .find(|t| type_key(t) == key)
        .cloned()
}

/// The types a user can pick: the built-ins in their order, then every user-defined type found in the
/// meetings or the templates, once each, in Danish alphabetical order.
pub fn type_options(meetings: &[Meeting], templates: &[MeetingTemplate]) -> Vec<MeetingType> {
    let mut custom: Vec<&str> = Vec::new();
    let types = meetings
        .iter()
        .map(|m| &m.meeting_type)
        .chain(templates.iter().map(|t| &t.meeting_type));
    for t in types {
        if let MeetingType::Custom(name) = t {
            let name = name.trim();
            if !name.is_empty() && !custom.contains(&name) {
                custom.push(name);
            }
        }
    }
    custom.stable_sort_by(|a, b| danish_cmp(a, b));
    MeetingType::BUILT_IN
        .iter()
        .cloned()
        .chain(
            custom
                .into_iter()
                .map(|s| MeetingType::Custom(s.to_string())),
        )
        .collect()
}

/// Whether a meeting has at least one action item not done.
pub fn open_action_count(m: &Meeting) -> usize {
    m.action_items.iter().filter(|a| !a.done).count()
}

#[cfg(test)]
mod live_tests {
    use super::*;
    use crate::model::ActionItem;

    fn m(case: &str, y: i32, mo: u32, d: u32) -> Meeting {
        Meeting {
            case_ref: case.into(),
            date: NaiveDate::from_ymd_opt(y, mo, d),
            ..Meeting::default()
        }
    }

    fn q(live: &mut LiveIndex, ms: &[Meeting], text: &str) -> Vec<usize> {
        let f = MeetingFilter {
            text: text.into(),
            ..MeetingFilter::default()
        };
        live.query(ms, &f, &Staircase::default())
    }

    #[test]
    fn live_index_follows_edits_additions_and_removals() {
        let mut ms = vec![m("Sag A", 2024, 1, 1), m("Sag B", 2024, 2, 1)];
        let mut live = LiveIndex::new(&ms, crate::text::meeting_type);
        assert!(!live.refresh(&ms), "unchanged");
        assert_eq!(q(&mut live, &ms, "sag"), vec![1, 0]);
        // An edit stamps updated_at, as PutMeeting does.
        ms[0].notes = "Mormor henter".into();
        ms[0].updated_at += chrono::Duration::seconds(1);
        assert_eq!(q(&mut live, &ms, "mormor"), vec![0]);
        // An addition at the end.
        ms.push(m("Sag Ø", 2024, 3, 1));
        assert_eq!(q(&mut live, &ms, "ø"), vec![2]);
        assert_eq!(q(&mut live, &ms, "sag"), vec![2, 1, 0]);
        // A removal rebuilds.
        ms.remove(0);
        assert_eq!(q(&mut live, &ms, "mormor"), Vec::<usize>::new());
        assert_eq!(q(&mut live, &ms, "sag"), vec![1, 0]);
        // Many additions at once rebuild too, with the same result as a fresh index.
        for i in 0..20 {
            ms.push(m(&format!("Ny {i}"), 2023, 1, 1));
        }
        assert_eq!(
            q(&mut live, &ms, "ny"),
            SearchIndex::new(&ms).query(
                &ms,
                &MeetingFilter {
                    text: "ny".into(),
                    ..MeetingFilter::default()
                },
                &Staircase::default()
            )
        );
        assert!(live.index().is_current(&ms));
    }

    #[test]
    fn type_keys_round_trip_and_options_are_distinct() {
        for t in MeetingType::BUILT_IN {
            assert_eq!(type_from_key(&type_key(&t)), Some(t));
        }
        let c = MeetingType::Custom("Overgangsmøde 17½ år".into());
        assert_eq!(type_from_key(&type_key(&c)), Some(c.clone()));
        assert_eq!(type_from_key("custom:  "), None);
        assert_eq!(type_from_key("nonsense"), None);

        let a = Meeting {
            meeting_type: MeetingType::Custom("skolemøde".into()),
            ..Meeting::default()
        };
        let b = Meeting {
            meeting_type: c.clone(),
            ..Meeting::default()
        };
        let t = MeetingTemplate {
            meeting_type: MeetingType::Custom("Skolemøde ".into()),
            ..MeetingTemplate::default()
        };
        let custom = |name: &str| MeetingTemplate {
            meeting_type: MeetingType::Custom(name.into()),
            ..MeetingTemplate::default()
        };
        let opts = type_options(
            &[a.clone(), b, a],
            &[custom("Åbent møde"), t, custom("Ærømøde")],
        );
        assert_eq!(opts.len(), 6 + 5, "built-ins, then five distinct names");
        assert_eq!(&opts[..6], &MeetingType::BUILT_IN);
        assert_eq!(opts[6], c, "sorted case-insensitively: O before s");
        assert_eq!(
            &opts[9..],
            &[
                MeetingType::Custom("Ærømøde".into()),
                MeetingType::Custom("Åbent møde".into())
            ],
            "Danish order: æ, then å"
        );
    }

    #[test]
    fn open_actions() {
        let mut m = Meeting::default();
        assert_eq!(open_action_count(&m), 0);
        m.action_items = vec![
            ActionItem::default(),
            ActionItem {
                done: true,
                ..ActionItem::default()
            },
        ];
        assert_eq!(open_action_count(&m), 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionItem, Intervention, Participant, ParticipantRole, Step};
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    struct Fixture {
        meetings: Vec<Meeting>,
        staircase: Staircase,
        step_id: Id,
    }

    fn fixture() -> Fixture {
        let iv = Intervention {
            name: "Familiebehandling".into(),
            ..Intervention::default()
        };
        let iv_id = iv.id;
        let step = Step {
            name: "Forebyggende".into(),
            interventions: vec![iv],
            ..Step::default()
        };
        let step_id = step.id;
        let other_step = Step::default();
        let other_step_id = other_step.id;
        let m0 = Meeting {
            case_ref: "Familie Ø-12".into(),
            initiator: "Søren Ågård".into(),
            date: Some(d(2024, 3, 1)),
            meeting_type: MeetingType::FamilyGroupConference,
            status: MeetingStatus::Held,
            questions: vec!["Hvordan kommer Emil i SKOLE hver dag?".into()],
            linked_interventions: vec![iv_id],
            ..Meeting::default()
        };
        let m1 = Meeting {
            case_ref: "Sag 2024-17".into(),
            date: Some(d(2024, 5, 8)),
            meeting_type: MeetingType::FaellesIndsats,
            status: MeetingStatus::Planned,
            participants: vec![Participant {
                role: ParticipantRole::Professional,
                relation_or_unit: "PPR".into(),
                ..Participant::default()
            }],
            action_items: vec![
                ActionItem {
                    what: "Mormor henter i børnehaven".into(),
                    who: "Mormor".into(),
                    done: false,
                    ..ActionItem::default()
                },
                ActionItem {
                    what: "Skolen ringer".into(),
                    done: true,
                    ..ActionItem::default()
                },
            ],
            linked_step: Some(step_id),
            ..Meeting::default()
        };
        let m2 = Meeting {
            case_ref: "Familie B".into(),
            date: None,
            meeting_type: MeetingType::SignsOfSafety,
            status: MeetingStatus::Cancelled,
            notes: "Mødet aflyst, ny dato følger. Skole orienteret.".into(),
            linked_step: Some(other_step_id),
            ..Meeting::default()
        };
        let m3 = Meeting {
            case_ref: "Familie C".into(),
            coordinator: "ÆBLE Koordinering".into(),
            date: Some(d(2024, 5, 8)),
            time: Some(NaiveTime::from_hms_opt(9, 30, 0).unwrap()),
            meeting_type: MeetingType::Custom("Skolemøde".into()),
            status: MeetingStatus::FollowedUp,
            decisions: "Plan godkendt\nsamlet".into(),
            action_items: vec![ActionItem {
                what: "Alt klaret".into(),
                done: true,
                ..ActionItem::default()
            }],
            ..Meeting::default()
        };
        let m4 = Meeting {
            case_ref: "Familie D".into(),
            date: Some(d(2023, 12, 24)),
            chair: "Lærke".into(),
            ..Meeting::default()
        };
        Fixture {
            meetings: vec![m0, m1, m2, m3, m4],
            staircase: Staircase {
                steps: vec![step, other_step],
                ..Staircase::default()
            },
            step_id,
        }
    }

    fn run(fx: &Fixture, f: &MeetingFilter) -> Vec<usize> {
        SearchIndex::named(&fx.meetings, crate::text::meeting_type).query(
            &fx.meetings,
            f,
            &fx.staircase,
        )
    }

    fn text(s: &str) -> MeetingFilter {
        MeetingFilter {
            text: s.into(),
            ..MeetingFilter::default()
        }
    }

    #[test]
    fn empty_filter_sorts_newest_first_undated_last_stable() {
        let fx = fixture();
        // m3 and m1 share 8 May; m3 has a time, m1 none, so m3 first. Then m0, m4, undated m2.
        assert_eq!(run(&fx, &MeetingFilter::default()), vec![3, 1, 0, 4, 2]);
        assert!(MeetingFilter::default().is_empty());
        // Ties keep their original order.
        let same: Vec<Meeting> = (0..4)
            .map(|_| Meeting {
                date: Some(d(2024, 1, 1)),
                ..Meeting::default()
            })
            .collect();
        let idx = SearchIndex::new(&same);
        assert_eq!(
            idx.query(&same, &MeetingFilter::default(), &Staircase::default()),
            vec![0, 1, 2, 3]
        );
    }

    #[test]
    fn oldest_first_reverses_the_dated_and_keeps_undated_last() {
        let fx = fixture();
        let found = run(&fx, &MeetingFilter::default());
        assert_eq!(
            in_list_order(found.clone(), &fx.meetings, false),
            vec![3, 1, 0, 4, 2]
        );
        assert_eq!(
            in_list_order(found, &fx.meetings, true),
            vec![4, 0, 1, 3, 2]
        );
        // A filtered result keeps its own members.
        assert_eq!(in_list_order(vec![1, 4], &fx.meetings, true), vec![4, 1]);
        assert_eq!(in_list_order(vec![2], &fx.meetings, true), vec![2]);
        assert_eq!(
            in_list_order(Vec::new(), &fx.meetings, true),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn text_search_across_fields_ignores_case_and_handles_aeoeaa() {
        let fx = fixture();
        assert_eq!(run(&fx, &text("ø-12")), vec![0], "case_ref, Ø lowercased");
        assert_eq!(
            run(&fx, &text("ÅGÅRD")),
            vec![0],
            "initiator, upper-case query"
        );
        assert_eq!(
            run(&fx, &text("skole")),
            vec![3, 1, 0, 2],
            "type label, action item, question, notes"
        );
        assert_eq!(run(&fx, &text("ppr")), vec![1], "participant unit");
        assert_eq!(run(&fx, &text("børnehaven")), vec![1], "action item what");
        assert_eq!(run(&fx, &text("MORMOR")), vec![1], "action item who");
        assert_eq!(run(&fx, &text("æble")), vec![3], "coordinator");
        assert_eq!(run(&fx, &text("godkendt")), vec![3], "decisions");
        assert_eq!(run(&fx, &text("lærke")), vec![4], "chair");
        assert_eq!(run(&fx, &text("fælles indsats")), vec![1], "type label");
        assert_eq!(run(&fx, &text("skolemøde")), vec![3], "custom type label");
        assert_eq!(run(&fx, &text("signs of safety")), vec![2]);
        assert!(run(&fx, &text("ingenting")).is_empty());
        // A word never spans two fields, even where the decisions text had a line break.
        assert!(run(&fx, &text("godkendtsamlet")).is_empty());
        assert!(run(&fx, &text("godkendt\nsamlet")).len() == 1);
    }

    #[test]
    fn several_words_must_all_match() {
        let fx = fixture();
        assert_eq!(run(&fx, &text("familie skole")), vec![3, 0, 2]);
        assert_eq!(run(&fx, &text("familie skole emil")), vec![0]);
        assert_eq!(run(&fx, &text("  emil   ppr ")), Vec::<usize>::new());
        assert_eq!(run(&fx, &text("sag sag")), vec![1], "repeated word");
    }

    #[test]
    fn each_filter() {
        let fx = fixture();
        let f = |g: fn(&mut MeetingFilter)| {
            let mut f = MeetingFilter::default();
            g(&mut f);
            assert!(!f.is_empty());
            run(&fx, &f)
        };
        assert_eq!(
            f(|f| f.types = vec![MeetingType::FamilyGroupConference]),
            vec![0, 4]
        );
        assert_eq!(
            f(|f| f.types = vec![MeetingType::Custom("Skolemøde".into())]),
            vec![3]
        );
        assert_eq!(
            f(|f| f.statuses = vec![MeetingStatus::Planned, MeetingStatus::Cancelled]),
            vec![1, 4, 2]
        );
        assert_eq!(f(|f| f.from = Some(d(2024, 5, 8))), vec![3, 1]);
        assert_eq!(f(|f| f.to = Some(d(2024, 3, 1))), vec![0, 4]);
        assert_eq!(
            f(|f| {
                f.from = Some(d(2024, 1, 1));
                f.to = Some(d(2024, 5, 7));
            }),
            vec![0]
        );
        assert_eq!(f(|f| f.open_actions_only = true), vec![1]);

        // Step: linked directly (m1) or through an intervention on it (m0).
        let mut sf = MeetingFilter {
            step: Some(fx.step_id),
            ..MeetingFilter::default()
        };
        assert_eq!(run(&fx, &sf), vec![1, 0]);
        sf.step = Some(crate::model::new_id());
        assert!(run(&fx, &sf).is_empty());

        // Combined with text.
        let comb = MeetingFilter {
            text: "familie".into(),
            statuses: vec![MeetingStatus::Held, MeetingStatus::Planned],
            ..MeetingFilter::default()
        };
        assert_eq!(run(&fx, &comb), vec![0, 4]);
    }

    #[test]
    fn stale_index_is_detected_and_does_not_panic() {
        let fx = fixture();
        let idx = SearchIndex::new(&fx.meetings);
        assert!(idx.is_current(&fx.meetings));
        let fewer = &fx.meetings[..2];
        assert!(!idx.is_current(fewer));
        assert_eq!(
            idx.query(fewer, &MeetingFilter::default(), &fx.staircase),
            vec![1, 0]
        );
        assert_eq!(idx.query(fewer, &text("familie"), &fx.staircase), vec![0]);
        let empty = SearchIndex::new(&[]);
        assert!(empty.is_empty());
        assert!(empty.query(&[], &text("x"), &fx.staircase).is_empty());
    }

    #[test]
    fn update_matches_a_fresh_build() {
        let fx = fixture();
        let same = |idx: &SearchIndex, ms: &[Meeting]| {
            let fresh = SearchIndex::new(ms);
            assert_eq!(idx.text, fresh.text);
            assert_eq!(idx.starts, fresh.starts);
            assert_eq!(idx.ids, fresh.ids);
            assert_eq!(idx.order, fresh.order);
        };
        let mut ms = fx.meetings.clone();
        let mut idx = SearchIndex::new(&ms);
        // Edit: longer and shorter text, and a new date that moves the meeting in the order.
        ms[1].notes = "Ny note om Ærø og Østerbro".into();
        ms[1].date = Some(d(2025, 1, 1));
        idx.update(&ms, 1);
        same(&idx, &ms);
        assert_eq!(idx.query(&ms, &text("østerbro"), &fx.staircase), vec![1]);
        ms[0] = Meeting {
            id: ms[0].id,
            meeting_type: MeetingType::Custom(String::new()),
            ..Meeting::default()
        };
        idx.update(&ms, 0);
        same(&idx, &ms);
        // Append.
        ms.push(Meeting {
            case_ref: "Ny sag".into(),
            ..Meeting::default()
        });
        idx.update(&ms, ms.len() - 1);
        same(&idx, &ms);
        // Removal falls back to a rebuild.
        ms.remove(2);
        idx.update(&ms, 2);
        same(&idx, &ms);
        assert!(idx.is_current(&ms));
    }

    #[test]
    fn empty_meetings_do_not_confuse_the_scan() {
        let ms = vec![
            Meeting {
                meeting_type: MeetingType::Custom(String::new()),
                ..Meeting::default()
            },
            Meeting {
                case_ref: "abc".into(),
                meeting_type: MeetingType::Custom(String::new()),
                ..Meeting::default()
            },
            Meeting {
                meeting_type: MeetingType::Custom(String::new()),
                ..Meeting::default()
            },
        ];
        let idx = SearchIndex::new(&ms);
        assert_eq!(idx.query(&ms, &text("abc"), &Staircase::default()), vec![1]);
        assert_eq!(idx.query(&ms, &text("c"), &Staircase::default()), vec![1]);
    }

    #[test]
    fn pagination() {
        let r: Vec<usize> = (0..25).collect();
        let p = paginate(&r, 0, 10);
        assert_eq!(
            (p.items, p.page, p.page_count, p.total),
            (&r[0..10], 0, 3, 25)
        );
        let p = paginate(&r, 2, 10);
        assert_eq!(p.items, &r[20..25]);
        let p = paginate(&r, 9, 10);
        assert_eq!((p.page, p.items.len()), (2, 5), "past the end → last page");
        let p = paginate(&[], 3, 10);
        assert_eq!((p.page, p.page_count, p.items.len()), (0, 1, 0));
        assert_eq!(paginate(&r, 1, 0).items, &[1], "per_page 0 acts as 1");
    }
}
