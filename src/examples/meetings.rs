//! Invented, pseudonymous network meetings for the examples. Case references are internal numbers
//! ("Sag F-2041"); people appear only by their role or unit, never by a real name or a CPR number.
//! They are written around 24 November 2026 (`ANCHOR`), so that, seen from that day, some follow-ups are
//! overdue and some upcoming; `network_meetings` moves them, keeping their order and spacing in days, to lie
//! the same way around the day an example is shown as of.

use super::staircase::{intervention_ids, step_of};
use super::ymd;
use crate::model::*;
use chrono::{NaiveDate, NaiveTime};

fn at(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

fn person(role: ParticipantRole, relation_or_unit: impl Into<String>) -> Participant {
    Participant {
        role,
        relation_or_unit: relation_or_unit.into(),
        ..Participant::default()
    }
}

fn family(relation: &str) -> Participant {
    person(ParticipantRole::Family, relation)
}

fn network(relation: &str) -> Participant {
    person(ParticipantRole::Network, relation)
}

fn professional(unit: impl Into<String>) -> Participant {
    person(ParticipantRole::Professional, unit)
}

fn action(what: &str, who: &str, due: NaiveDate, done: bool) -> ActionItem {
    ActionItem {
        what: what.into(),
        who: who.into(),
        due: Some(due),
        done,
        ..ActionItem::default()
    }
}

fn checklist(items: &[(&str, bool)]) -> Vec<ChecklistItem> {
    items
        .iter()
        .map(|(label, done)| ChecklistItem {
            label: (*label).into(),
            done: *done,
            ..ChecklistItem::default()
        })
        .collect()
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| (*s).to_string()).collect()
}

/// The phases of a family group conference, as its checklist.
const CONFERENCE_PHASES: [&str; 5] = [
    "Spørgsmål formuleret sammen med familien",
    "Samordner tilknyttet og netværk inviteret",
    "Informationsfase med fagpersoner",
    "Familiens egen tid og familiens plan",
    "Plan godkendt og opfølgningsmøde aftalt",
];

fn conference_checklist(done_phases: usize) -> Vec<ChecklistItem> {
    let items: Vec<(&str, bool)> = CONFERENCE_PHASES
        .iter()
        .enumerate()
        .map(|(i, p)| (*p, i < done_phases))
        .collect();
    checklist(&items)
}

/// Links a meeting to the named interventions and to the step of the first of them.
fn link(m: &mut Meeting, staircase: &Staircase, names: &[&str]) {
    m.linked_interventions = intervention_ids(staircase, names);
    m.linked_step = m
        .linked_interventions
        .first()
        .and_then(|id| step_of(staircase, *id));
}

/// The day the meetings below are written around.
pub fn anchor() -> NaiveDate {
    ymd(2026, 11, 24)
}

/// Every date of `m` moved by `days` (the spacing between them, in days, stays; weekdays do not).
pub fn shift_meeting(m: &mut Meeting, days: i64) {
    let by = chrono::Duration::days(days);
    for d in [&mut m.date, &mut m.measure_start, &mut m.follow_up_date] {
        *d = d.map(|d| d + by);
    }
    for a in &mut m.action_items {
        a.due = a.due.map(|d| d + by);
    }
}

/// Nine meetings of every built-in type (and one custom), in every status, linked to `staircase`, lying
/// around `around` as the written ones lie around `anchor()`. `family_centre` names the caseworkers' unit.
pub fn network_meetings(
    staircase: &Staircase,
    family_centre: &str,
    around: NaiveDate,
) -> Vec<Meeting> {
    let mut all = written_meetings(staircase, family_centre);
    let days = (around - anchor()).num_days();
    for m in &mut all {
        shift_meeting(m, days);
    }
    all
}

fn written_meetings(staircase: &Staircase, family_centre: &str) -> Vec<Meeting> {
    let caseworker = format!("Socialrådgiver, {family_centre}");
    let mut all = Vec::new();

    // 1. A family group conference whose follow-up is overdue and one action item still open.
    let mut m = Meeting {
        meeting_type: MeetingType::FamilyGroupConference,
        date: Some(ymd(2026, 9, 17)),
        time: at(16, 30),
        case_ref: "Sag F-2041".into(),
        initiator: caseworker.clone(),
        coordinator: "Samordner fra samordnerkorpset (uafhængig af sagen)".into(),
        invited_by: "Samordneren".into(),
        chair: "Samordneren".into(),
        note_taker: "Socialrådgiveren".into(),
        minutes_kind: MinutesKind::Decisions,
        participants: vec![
            family("Mor"),
            family("Barnet (10 år)"),
            network("Morfar"),
            network("Moster"),
            network("Nabo og nær veninde til mor"),
            network("Fodboldtræner"),
            professional(caseworker.clone()),
            professional("Klasselærer, distriktsskolen"),
            professional(format!("Familiebehandler, {family_centre}")),
        ],
        questions: strings(&[
            "Hvordan sikrer familien og netværket, at barnet kommer i skole hver dag og til tiden?",
            "Hvem kan træde til om aftenen, når mor har det svært, så barnet ikke er alene?",
            "Hvordan kan barnet blive ved med at gå til fodbold to gange om ugen?",
        ]),
        decisions: "Familien fremlagde en plan, som socialrådgiveren godkendte på mødet. Morfar \
            kører barnet i skole mandag og onsdag, moster er fast aftenkontakt, og naboen er \
            reserve. Familiebehandlingen fortsætter med fokus på morgenrutiner."
            .into(),
        action_items: vec![
            action(
                "Køre barnet i skole mandag og onsdag",
                "Morfar",
                ymd(2026, 10, 1),
                true,
            ),
            action(
                "Lave telefonliste og aftenaftale, som hænger på køleskabet",
                "Moster",
                ymd(2026, 9, 30),
                true,
            ),
            action(
                "Sende en ugentlig fraværsoversigt til mor og socialrådgiveren",
                "Klasselærer",
                ymd(2026, 10, 15),
                false,
            ),
            action(
                "Træffe afgørelse om fortsat familiebehandling (Barnets Lov § 32)",
                "Socialrådgiveren",
                ymd(2026, 9, 24),
                true,
            ),
        ],
        checklist: conference_checklist(5),
        measure_start: Some(ymd(2026, 9, 24)),
        follow_up_date: Some(ymd(2026, 11, 12)),
        status: MeetingStatus::Held,
        notes: "Familiens egen tid varede omkring halvanden time. Barnet var med i første del \
            og valgte selv at gå til træning bagefter. Opfølgningsmødet er endnu ikke holdt."
            .into(),
        ..Meeting::default()
    };
    link(
        &mut m,
        staircase,
        &[
            "Familierådslagning / netværksrådslagning",
            "Familiebehandling",
        ],
    );
    all.push(m);

    // 2. A follow-up meeting that closed a family treatment.
    let mut m = Meeting {
        meeting_type: MeetingType::FollowUp,
        date: Some(ymd(2026, 6, 2)),
        time: at(9, 0),
        case_ref: "Sag F-1987".into(),
        initiator: caseworker.clone(),
        invited_by: "Socialrådgiveren".into(),
        chair: "Socialrådgiveren".into(),
        note_taker: "Socialrådgiveren".into(),
        minutes_kind: MinutesKind::Decisions,
        participants: vec![
            family("Mor"),
            family("Far"),
            network("Farmor"),
            professional(caseworker.clone()),
            professional(format!("Familiebehandler, {family_centre}")),
        ],
        questions: strings(&["Holder planen fra familierådslagningen?"]),
        decisions: "Planen holder. Fraværet er faldet fra 22 % til 6 %. Familiebehandlingen \
            afsluttes, og familien kan fortsat bruge den forebyggende rådgiver på skolen."
            .into(),
        action_items: vec![
            action(
                "Sende afgørelse om afslutning af familiebehandling",
                "Socialrådgiveren",
                ymd(2026, 6, 9),
                true,
            ),
            action(
                "Aftale et møde med den forebyggende rådgiver",
                "Mor og far",
                ymd(2026, 6, 30),
                true,
            ),
        ],
        measure_start: Some(ymd(2026, 2, 16)),
        follow_up_date: Some(ymd(2026, 6, 2)),
        status: MeetingStatus::FollowedUp,
        ..Meeting::default()
    };
    link(
        &mut m,
        staircase,
        &[
            "Familiebehandling",
            "Forebyggende rådgivere i dagtilbud og skoler",
        ],
    );
    all.push(m);

    // 3. An involving network meeting still to come.
    let mut m = Meeting {
        meeting_type: MeetingType::InvolvingNetworkMeeting,
        date: Some(ymd(2026, 12, 3)),
        time: at(10, 0),
        case_ref: "Sag F-2107".into(),
        initiator: caseworker.clone(),
        invited_by: "Socialrådgiveren".into(),
        chair: format!("Teamleder, {family_centre}"),
        note_taker: "Socialrådgiveren".into(),
        minutes_kind: MinutesKind::Full,
        participants: vec![
            family("Mor"),
            network("Mormor"),
            network("Veninde til mor"),
            professional("Pædagog, børnehuset"),
            professional("Sundhedsplejerske"),
            professional(caseworker.clone()),
        ],
        questions: strings(&[
            "Hvad skal der til, for at barnet (4 år) kommer i børnehave hver dag?",
            "Hvem i netværket kan hjælpe mor i hverdagen, når lillesøster er født?",
        ]),
        checklist: checklist(&[
            ("Invitationer sendt", true),
            ("Lokale booket", true),
            ("Tolk bestilt", false),
        ]),
        status: MeetingStatus::Planned,
        ..Meeting::default()
    };
    link(&mut m, staircase, &["Det inddragende netværksmøde"]);
    all.push(m);

    // 4. An interdisciplinary meeting about a young person, follow-up after New Year.
    let mut m = Meeting {
        meeting_type: MeetingType::Interdisciplinary,
        date: Some(ymd(2026, 10, 8)),
        time: at(13, 0),
        case_ref: "Sag U-0318".into(),
        initiator: "Socialrådgiver, ungeteamet".into(),
        invited_by: "Socialrådgiveren".into(),
        chair: "Socialrådgiveren".into(),
        note_taker: "UU-vejlederen".into(),
        minutes_kind: MinutesKind::Decisions,
        participants: vec![
            family("Den unge (16 år)"),
            family("Mor"),
            professional("Kontaktperson"),
            professional("UU-vejleder, Ungdommens Uddannelsesvejledning"),
            professional("SSP-medarbejder"),
            professional("Socialrådgiver, ungeteamet"),
        ],
        questions: strings(&[
            "Hvordan holder vi fast i 10. klasse frem til sommer?",
            "Skal kontaktpersonen fortsætte efter det fyldte 18. år som efterværn?",
        ]),
        decisions: "Kontaktpersonordningen forlænges i seks måneder. UU undersøger en \
            praktikplads, og der holdes overgangsmøde, når den unge er 17½."
            .into(),
        action_items: vec![
            action(
                "Forlænge kontaktpersonordningen og sende afgørelse",
                "Socialrådgiveren",
                ymd(2026, 10, 20),
                true,
            ),
            action(
                "Finde to mulige praktikpladser",
                "UU-vejlederen",
                ymd(2026, 12, 15),
                false,
            ),
        ],
        measure_start: Some(ymd(2026, 10, 12)),
        follow_up_date: Some(ymd(2027, 1, 14)),
        status: MeetingStatus::Held,
        ..Meeting::default()
    };
    link(&mut m, staircase, &["Fast kontaktperson"]);
    all.push(m);

    // 5. A Fælles Indsats meeting where the concern stays in the universal services; due soon.
    let mut m = Meeting {
        meeting_type: MeetingType::FaellesIndsats,
        date: Some(ymd(2026, 11, 4)),
        time: at(8, 30),
        case_ref: "Sag D-0452".into(),
        initiator: "Dagtilbudsleder".into(),
        invited_by: "Dagtilbudslederen".into(),
        chair: format!("Forebyggende rådgiver, {family_centre}"),
        note_taker: "Pædagogen".into(),
        minutes_kind: MinutesKind::Decisions,
        participants: vec![
            family("Mor"),
            family("Far"),
            professional("Pædagog, dagtilbuddet"),
            professional("Dagtilbudsleder"),
            professional(format!("Forebyggende rådgiver, {family_centre}")),
            professional("Psykolog, PPR"),
            professional("Sundhedsplejerske"),
        ],
        questions: strings(&[
            "Hvad er vi bekymrede for i barnets (3 år) sprog og samspil?",
            "Hvad kan dagtilbuddet og forældrene selv sætte i gang?",
        ]),
        decisions: "Forældrene tilbydes et COS-P-forløb, og PPR observerer i dagtilbuddet. \
            Bekymringen håndteres i almenområdet; der er ikke grundlag for en underretning."
            .into(),
        action_items: vec![
            action(
                "Tilmelde forældrene næste COS-P-hold",
                "Sundhedsplejersken",
                ymd(2026, 11, 18),
                true,
            ),
            action(
                "Observere barnet i to formiddage",
                "PPR",
                ymd(2026, 11, 27),
                false,
            ),
        ],
        follow_up_date: Some(ymd(2026, 12, 2)),
        status: MeetingStatus::Held,
        ..Meeting::default()
    };
    link(
        &mut m,
        staircase,
        &[
            "COS-P forældreforløb",
            "Forebyggende rådgivere i dagtilbud og skoler",
        ],
    );
    all.push(m);

    // 6. A Signs of Safety meeting with a safety plan; follow-up overdue.
    let mut m = Meeting {
        meeting_type: MeetingType::SignsOfSafety,
        date: Some(ymd(2026, 8, 20)),
        time: at(14, 0),
        case_ref: "Sag F-2213".into(),
        initiator: caseworker.clone(),
        invited_by: "Socialrådgiveren".into(),
        chair: format!("Familiebehandler, {family_centre} (sikkerhedsplansteamet)"),
        note_taker: "Socialrådgiveren".into(),
        minutes_kind: MinutesKind::Full,
        participants: vec![
            family("Mor"),
            network("Moster (sikkerhedsperson)"),
            network("Nabo (sikkerhedsperson)"),
            professional(caseworker.clone()),
            professional(format!(
                "Familiebehandler, {family_centre} (sikkerhedsplansteamet)"
            )),
            professional("Sundhedsplejerske"),
        ],
        questions: strings(&[
            "Hvad er vi bekymrede for?",
            "Hvad fungerer godt?",
            "Hvad skal der ske?",
        ]),
        decisions: "Der laves en sikkerhedsplan med to sikkerhedspersoner. Alle placerer \
            sagen på 4 på sikkerhedsskalaen; målet er 7 inden opfølgningen."
            .into(),
        action_items: vec![
            action(
                "Ringe til mor hver aften klokken 20",
                "Moster",
                ymd(2026, 8, 21),
                true,
            ),
            action(
                "Gennemgå sikkerhedsplanen med familien hver uge",
                "Familiebehandleren",
                ymd(2026, 9, 30),
                true,
            ),
            action(
                "Forklare planen for barnet med ord og tegninger",
                "Familiebehandleren",
                ymd(2026, 9, 4),
                false,
            ),
        ],
        safety_scale: Some(4),
        measure_start: Some(ymd(2026, 8, 24)),
        follow_up_date: Some(ymd(2026, 10, 20)),
        status: MeetingStatus::Held,
        ..Meeting::default()
    };
    link(&mut m, staircase, &["Sikkerhedsplan"]);
    all.push(m);

    // 7. A cancelled network conference.
    let mut m = Meeting {
        meeting_type: MeetingType::FamilyGroupConference,
        date: Some(ymd(2026, 9, 30)),
        time: at(17, 0),
        case_ref: "Sag U-0291".into(),
        initiator: "Socialrådgiver, ungeteamet".into(),
        coordinator: "Samordner fra samordnerkorpset (uafhængig af sagen)".into(),
        invited_by: "Samordneren".into(),
        chair: "Samordneren".into(),
        note_taker: "Socialrådgiveren".into(),
        participants: vec![
            family("Den unge (15 år)"),
            family("Far"),
            network("Farbror"),
            professional("Socialrådgiver, ungeteamet"),
        ],
        questions: strings(&[
            "Hvem kan den unge bo hos, hvis det ikke længere går hjemme hos far?",
            "Hvordan kommer den unge tilbage i skole efter efterårsferien?",
        ]),
        checklist: conference_checklist(2),
        status: MeetingStatus::Cancelled,
        notes: "Aflyst to dage før: den unge trak sit samtykke til at invitere netværket. \
            Socialrådgiveren tager en ny samtale om, hvem den unge selv vil have med."
            .into(),
        ..Meeting::default()
    };
    link(
        &mut m,
        staircase,
        &["Familierådslagning / netværksrådslagning"],
    );
    all.push(m);

    // 8. A family group conference that led to a network placement, followed up.
    let mut m = Meeting {
        meeting_type: MeetingType::FamilyGroupConference,
        date: Some(ymd(2026, 3, 12)),
        time: at(17, 0),
        case_ref: "Sag F-1874".into(),
        initiator: caseworker.clone(),
        coordinator: "Samordner fra samordnerkorpset (uafhængig af sagen)".into(),
        invited_by: "Samordneren".into(),
        chair: "Samordneren".into(),
        note_taker: "Socialrådgiveren".into(),
        participants: vec![
            family("Mor"),
            family("Barnet (7 år)"),
            network("Mormor"),
            network("Morfar"),
            network("Morbror"),
            professional(caseworker.clone()),
            professional(format!("Anbringelseskonsulent, {family_centre}")),
            professional("Lærer, distriktsskolen"),
        ],
        questions: strings(&[
            "Hvor kan barnet bo trygt, mens mor er i behandling?",
            "Hvordan holder barnet fast i sin skole og sine venner?",
        ]),
        decisions: "Familien foreslog, at barnet flytter hos mormor og morfar i samme by, \
            så skolen bevares. Socialrådgiveren godkendte planen, og mormor og morfar \
            godkendes som netværksplejefamilie. Mor har samvær hver onsdag og hver anden weekend."
            .into(),
        action_items: vec![
            action(
                "Godkende mormor og morfar som netværksplejefamilie",
                "Anbringelseskonsulenten",
                ymd(2026, 3, 31),
                true,
            ),
            action("Aftale kørsel til skole", "Morbror", ymd(2026, 4, 1), true),
        ],
        checklist: conference_checklist(5),
        measure_start: Some(ymd(2026, 4, 1)),
        follow_up_date: Some(ymd(2026, 6, 25)),
        status: MeetingStatus::FollowedUp,
        notes: "Første opfølgning holdt inden for tre måneder (Barnets Lov § 95). \
            Anbringelsen følges derefter op tre gange om året."
            .into(),
        ..Meeting::default()
    };
    link(
        &mut m,
        staircase,
        &[
            "Netværksanbringelse",
            "Familierådslagning / netværksrådslagning",
        ],
    );
    all.push(m);

    // 9. A user-named meeting type: the transition meeting before the 18th birthday.
    let mut m = Meeting {
        meeting_type: MeetingType::Custom("Overgangsmøde 17½ år".into()),
        date: Some(ymd(2026, 12, 10)),
        time: at(11, 0),
        case_ref: "Sag U-0177".into(),
        initiator: "Socialrådgiver, ungeteamet".into(),
        invited_by: "Socialrådgiveren".into(),
        chair: "Koordinerende sagsbehandler".into(),
        note_taker: "Socialrådgiveren".into(),
        minutes_kind: MinutesKind::Decisions,
        participants: vec![
            family("Den unge (17 år)"),
            professional("Socialrådgiver, ungeteamet"),
            professional("Sagsbehandler, jobcentret"),
            professional("Pædagog, opholdsstedet"),
            professional("Kontaktperson"),
        ],
        questions: strings(&[
            "Hvor skal den unge bo efter det fyldte 18. år?",
            "Hvilken hjælp fortsætter som efterværn, og hvad overtager voksenområdet?",
        ]),
        checklist: checklist(&[
            ("Den unges egne ønsker afdækket", true),
            ("Voksenområdet inviteret", true),
            ("Boligmulighed undersøgt", false),
        ]),
        measure_start: Some(ymd(2024, 2, 1)),
        status: MeetingStatus::Planned,
        ..Meeting::default()
    };
    link(
        &mut m,
        staircase,
        &["Opholdssted", "Udslusningsbolig til unge"],
    );
    all.push(m);

    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::staircase::socialstyrelsen;
    use crate::model::privacy::contains_cpr_like;

    #[test]
    fn meetings_cover_types_statuses_and_link_to_the_staircase() {
        let st = socialstyrelsen();
        let ms = network_meetings(&st, "Familiecentret", anchor());
        assert!(ms.len() >= 8);
        for t in MeetingType::BUILT_IN {
            assert!(ms.iter().any(|m| m.meeting_type == t), "{t:?}");
        }
        for s in MeetingStatus::ALL {
            assert!(ms.iter().any(|m| m.status == s), "{s:?}");
        }
        assert!(ms
            .iter()
            .any(|m| m.safety_scale.is_some() && m.meeting_type == MeetingType::SignsOfSafety));
        for m in &ms {
            assert!(!m.linked_interventions.is_empty(), "{}", m.case_ref);
            assert!(m.linked_step.is_some(), "{}", m.case_ref);
            assert!(m.case_ref.starts_with("Sag "));
            assert!(!m.participants.is_empty());
        }
    }

    #[test]
    fn some_follow_ups_are_overdue_and_some_upcoming() {
        for today in [anchor(), ymd(2019, 5, 8), ymd(2019, 12, 31)] {
            follow_ups_around(today);
        }
    }

    fn follow_ups_around(today: NaiveDate) {
        let ms = network_meetings(&socialstyrelsen(), "Familiecentret", today);
        let held = |m: &&Meeting| m.status == MeetingStatus::Held;
        assert!(ms
            .iter()
            .filter(held)
            .any(|m| m.follow_up_date.is_some_and(|d| d < today)));
        assert!(ms
            .iter()
            .filter(held)
            .any(|m| m.follow_up_date.is_some_and(|d| d > today)));
        assert!(ms.iter().any(|m| m.date.is_some_and(|d| d > today)));
    }

    #[test]
    fn no_text_looks_like_a_cpr_number() {
        let ms = network_meetings(&socialstyrelsen(), "Familiecentret", anchor());
        // Ids and timestamps are random digits; check the human-written fields only.
        for m in &ms {
            let mut texts = vec![&m.case_ref, &m.decisions, &m.notes, &m.initiator];
            texts.extend(&m.questions);
            texts.extend(m.action_items.iter().map(|a| &a.what));
            texts.extend(m.participants.iter().map(|p| &p.relation_or_unit));
            for t in texts {
                assert!(!contains_cpr_like(t), "{t}");
            }
        }
    }

    /// Moving the meetings keeps every date's order and the days between any two of them.
    #[test]
    fn moving_keeps_order_and_spacing() {
        let st = socialstyrelsen();
        let dates = |ms: &[Meeting]| -> Vec<NaiveDate> {
            ms.iter()
                .flat_map(|m| {
                    [m.date, m.measure_start, m.follow_up_date]
                        .into_iter()
                        .chain(m.action_items.iter().map(|a| a.due))
                        .flatten()
                })
                .collect()
        };
        let written = dates(&network_meetings(&st, "Familiecentret", anchor()));
        let moved = dates(&network_meetings(&st, "Familiecentret", ymd(2019, 5, 8)));
        assert_eq!(written.len(), moved.len());
        assert!(written.len() > 20);
        for i in 0..written.len() {
            for j in 0..written.len() {
                assert_eq!(
                    (written[j] - written[i]).num_days(),
                    (moved[j] - moved[i]).num_days()
                );
            }
        }
        assert_eq!(
            (anchor() - written[0]).num_days(),
            (ymd(2019, 5, 8) - moved[0]).num_days()
        );
    }
}
