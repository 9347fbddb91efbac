//! Køge 2019: the implementation plan for "Strategier for indsatsen" (seed 000). Three political goals,
//! four strategic tracks and the initiatives 1.1–4.3 as numbered in the seed, with the dated status
//! texts of 8 May 2019 retold in our own words.
//!
//! The seed numbers two initiatives "4.2" (data-driven management, and standard contracts); both are
//! kept under that number because the example follows the paper.

use super::staircase::{intervention_ids, steps_named, Units};
use super::{last_status, meetings, status_note, ymd};
use crate::model::*;
use InitiativeStatus::*;

const UNITS: Units = Units {
    family_centre: "Familiecenter Køge",
    family_house: "Familiehuset Elmehuset",
    health_service: "Sundhedstjenesten",
    ppr: "PPR Køge",
    foster_care: "Familieplejen, Familiecenter Køge",
    day_treatment: "Heldagsskolen i Slimminge",
};

/// The interventions the plan itself names (seed 000), with the method it names: 2.1 Broen Køge's
/// leisure activities; 3.7 'Godt fra Start' with Sundhedstjenesten; 3.3 open anonymous counselling, the youth
/// psychologist and the preventive counsellors; 1.3 family treatment, practical educational support and a
/// contact person bought after tender; 1.2 school and day-treatment places (Heldagsskolen i Slimminge); 1.1
/// rooms for young people leaving care, bought from a private provider. Family treatment and the day
/// school use FIT (3.4). The plan gives no number of children, price or caseload, so the example has none.
pub const INTERVENTIONS: [(&str, &str); 10] = [
    ("Fritidsaktiviteter med frivillige", ""),
    ("Sundhedspleje med ekstra hjemmebesøg", ""),
    ("Åben anonym rådgivning", ""),
    ("Forebyggende rådgivere i dagtilbud og skoler", ""),
    ("Ungepsykolog", ""),
    ("Familiebehandling", "FIT (Feedback Informed Treatment)"),
    ("Praktisk pædagogisk støtte i hjemmet", ""),
    ("Fast kontaktperson", ""),
    ("Dagbehandling", "FIT (Feedback Informed Treatment)"),
    ("Udslusningsbolig til unge", ""),
];

const GOALS: [(&str, &str); 3] = [
    (
        "Kvalitet for borgerne",
        "Borgeren er i centrum, og indsatsen skal skabe værdi for både borgeren og samfundet.",
    ),
    (
        "Sund økonomi",
        "Ressourcerne bruges, hvor de gør mest gavn, og udgifterne følges tæt.",
    ),
    (
        "Bedre sagsbehandling",
        "Sagsbehandlingen er effektiv og holder et højt fagligt niveau.",
    ),
];

const TRACKS: [(&str, &str); 4] = [
    (
        "Kapacitets- og ressourcestrategi",
        "Hvilke tilbud skal kommunen selv have, og hvilke skal købes eller udbydes?",
    ),
    (
        "Samskabelsesstrategi",
        "Civilsamfund og erhvervsliv inddrages, så støtten kommer tæt på hverdagslivet.",
    ),
    (
        "Sammenhængs- og sagsbehandlingsstrategi",
        "Sammenhængende forløb på tværs af afdelinger og sektorer, hurtig hjælp og metoder, \
         der virker.",
    ),
    (
        "Fælles faglig og økonomisk strategi",
        "Faglighed og økonomi styres sammen: indsatstrappe, data og budgetopfølgning.",
    ),
];

type Ymd = (i32, u32, u32);

struct Note {
    date: Ymd,
    author: &'static str,
    status: Option<InitiativeStatus>,
    text: &'static str,
}

struct Ini {
    number: &'static str,
    title: &'static str,
    /// 1-based, as in the seed.
    goal: usize,
    track: usize,
    owner: &'static str,
    committee: &'static str,
    description: &'static str,
    start: Ymd,
    deadline: Option<Ymd>,
    interventions: &'static [&'static str],
    notes: &'static [Note],
}

const APPROVED: Ymd = (2019, 4, 30);
const STATUS_DATE: Ymd = (2019, 5, 8);
const BUF: &str = "Børne- og Uddannelsesforvaltningen";
const FAM: &str = "Familieafdelingen";
const CHILDREN_COMMITTEE: &str = "Børneudvalget";

/// First entry of every history: the plan itself, after the city council's approval.
const IN_PLAN: &str = "Byrådet godkendte den 30. april 2019 rapporten 'Strategier for \
    indsatsen'. Initiativet indgår i forvaltningens plan for implementeringen.";
const ALREADY_RUNNING: &str = "Byrådet godkendte den 30. april 2019 rapporten 'Strategier for \
    indsatsen'. Initiativet var allerede i gang og videreføres i implementeringsplanen.";

const INITIATIVES: [Ini; 16] = [
    Ini {
        number: "1.1",
        title: "Analyse af udslusningsboliger/egne værelser til udsatte unge",
        goal: 2,
        track: 1,
        owner: FAM,
        committee: CHILDREN_COMMITTEE,
        description: "Budgetanalyse af, om udsatte unge kan bo i udslusningsboliger eller egne \
            værelser i Køge i stedet for uden for kommunen. Det vil gavne de unge og kan spare \
            penge, men egne pladser kan ikke betale sig; pladser kan i stedet købes hos en privat \
            leverandør i kommunen.",
        start: APPROVED,
        deadline: Some((2019, 12, 31)),
        interventions: &["Udslusningsbolig til unge"],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: IN_PLAN,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Analysen blev forelagt Børneudvalget den 8. maj 2019, som tog den til \
                    efterretning og bad forvaltningen holde øje med kvaliteten i tilbuddet. \
                    Budgetanalysen er sendt i høring.",
            },
        ],
    },
    Ini {
        number: "1.2",
        title: "Analyse af skole- og dagbehandlingstilbud",
        goal: 1,
        track: 1,
        owner: BUF,
        committee: "Børneudvalget og Skoleudvalget",
        description: "Budgetanalyse af en omorganisering af kommunens specialskoletilbud over \
            1½–2½ år. Målet er højere faglig kvalitet og at flere elever kan blive i kommunens \
            egne tilbud frem for dyrere pladser uden for kommunen.",
        start: APPROVED,
        deadline: Some((2021, 10, 31)),
        interventions: &["Dagbehandling"],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: IN_PLAN,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Analysen blev forelagt Børneudvalget og Skoleudvalget den 8. maj 2019. \
                    Begge udvalg tog den til efterretning og sendte den i høring.",
            },
        ],
    },
    Ini {
        number: "1.3",
        title: "Udbud af ydelser til børn, unge og deres familier",
        goal: 2,
        track: 1,
        owner: FAM,
        committee: CHILDREN_COMMITTEE,
        description: "Familiebehandling, kombineret pædagogisk støtte og familiebehandling, \
            praktisk pædagogisk støtte og kontaktpersoner sendes i udbud for at få den bedste \
            kvalitet til den mest konkurrencedygtige pris.",
        start: APPROVED,
        deadline: Some((2020, 6, 30)),
        interventions: &[
            "Familiebehandling",
            "Praktisk pædagogisk støtte i hjemmet",
            "Fast kontaktperson",
        ],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: IN_PLAN,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Forelagt Børneudvalget den 8. maj 2019, taget til efterretning og sendt i \
                    høring. Efter udbuddet er der indgået aftaler om familiebehandling, praktisk \
                    pædagogisk støtte og kontaktperson. Psykologbehandling kommer i en ny \
                    udbudsrunde.",
            },
        ],
    },
    Ini {
        number: "2.1",
        title: "Samarbejde med civilsamfundet",
        goal: 1,
        track: 2,
        owner: "Familiecenter Køge",
        committee: CHILDREN_COMMITTEE,
        description: "Frivillige foreninger og organisationer skal hjælpe udsatte børn og unge \
            med støtte tæt på hverdagslivet og lokalsamfundet. Det vurderes at give både \
            socialfaglig og økonomisk gevinst.",
        start: APPROVED,
        deadline: None,
        interventions: &["Fritidsaktiviteter med frivillige"],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Familiecenter Køge samarbejder bl.a. med Broen Køge om fritidsaktiviteter, \
                    med Lions om julekurve og med Mødrehjælpen, Dansk Flygtningehjælp og Røde Kors. \
                    Den 19. juni 2019 holder familiecentret og Socialstyrelsen en workshop med \
                    frivillige organisationer om inddragelse af civilsamfundet.",
            },
        ],
    },
    Ini {
        number: "2.2",
        title: "Inddragelse af erhvervslivet",
        goal: 1,
        track: 2,
        owner: "Center for Dansk og Integration og Ungdommens Uddannelsesvejledning",
        committee: CHILDREN_COMMITTEE,
        description: "Virksomheder inddrages, så flere udsatte børn og unge kommer i uddannelse \
            eller job; det er blandt de vigtigste forudsætninger for et selvstændigt voksenliv.",
        start: APPROVED,
        deadline: None,
        interventions: &[],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Center for Dansk og Integration og Ungdommens Uddannelsesvejledning har \
                    allerede et samarbejde med erhvervslivet om bl.a. lommepengejob og \
                    praktikpladser til børn og unge.",
            },
        ],
    },
    Ini {
        number: "3.1",
        title: "Klagedrevet innovation",
        goal: 3,
        track: 3,
        owner: "Tværgående arbejdsgruppe i Køge Kommune",
        committee: CHILDREN_COMMITTEE,
        description: "Klager og henvendelser, som ikke kan påklages til Ankestyrelsen, behandles \
            med ABC-metoden. Det skal give en god dialog med borgerne, og organisationen skal \
            lære af klagerne.",
        start: APPROVED,
        deadline: None,
        interventions: &[],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(NotStarted),
                text: IN_PLAN,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Kommunen har nedsat en arbejdsgruppe, som skal skrive et kommissorium for \
                    at indføre ABC-metoden i de enkelte forvaltninger.",
            },
        ],
    },
    Ini {
        number: "3.2",
        title: "Overgangssager",
        goal: 3,
        track: 3,
        owner: "Børne- og Uddannelsesforvaltningen og Velfærdsforvaltningen",
        committee: "Børneudvalget og Social- og Arbejdsmarkedsudvalget",
        description: "Smidige overgange, når unge fylder 18 og skifter til anden lovgivning og \
            en anden afdeling. Sker via projekt 'En plan' (koordinerende sagsbehandling) og en \
            Kommunal UngeIndsats (KUI).",
        start: APPROVED,
        deadline: None,
        interventions: &["Fast kontaktperson", "Udslusningsbolig til unge"],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "'En plan' er ved at blive indført i Familiecenter Køge, Ungecentret, \
                    Jobcentret, Borgerservice og Socialafdelingen. Børneudvalget og Social- og \
                    Arbejdsmarkedsudvalget har besluttet at oprette en Kommunal UngeIndsats på \
                    tværs af de to forvaltninger, som skal stå for al sagsbehandling for unge \
                    fra 14 til 29 år.",
            },
        ],
    },
    Ini {
        number: "3.3",
        title: "Hurtig indsats",
        goal: 1,
        track: 3,
        owner: "Familiecenter Køge",
        committee: CHILDREN_COMMITTEE,
        description: "Hjælpen skal ikke kun komme tidligt, men også hurtigt, så børn, unge og \
            familier venter mindst muligt på støtte.",
        start: APPROVED,
        deadline: None,
        interventions: &[
            "Åben anonym rådgivning",
            "Ungepsykolog",
            "Forebyggende rådgivere i dagtilbud og skoler",
        ],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Flere tilbud kræver hverken udredning eller visitation, fx åben anonym \
                    rådgivning, Ungepsykolog og råd og vejledning fra de forebyggende rådgivere.",
            },
        ],
    },
    Ini {
        number: "3.4",
        title: "Metoder, der virker",
        goal: 3,
        track: 3,
        owner: "Familiecenter Køge",
        committee: CHILDREN_COMMITTEE,
        description: "Tre spor: tæt tværgående samarbejde om barnet, systematisk feedback fra \
            borgerne i behandlingen (FIT) og et udviklingsforløb med Socialstyrelsens Taskforce \
            på børnehandicapområdet.",
        start: APPROVED,
        deadline: Some((2020, 12, 31)),
        interventions: &["Familiebehandling", "Dagbehandling"],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: None,
                text: "Tværgående samarbejde: NU-projektet har givet samarbejdsmodeller mellem \
                    familiecentret og dagtilbud og skoler. 'Fælles Indsats' kører på skoleområdet \
                    siden 2018; en tilsvarende model indføres i dagtilbuddene i efteråret 2019.",
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: None,
                text: "Feedback: behandlerafsnittet i Familiecenter Køge, Familiehuset Elmehuset \
                    og Heldagsskolen i Slimminge bruger Feedback Informed Treatment (FIT) til at \
                    følge op på indsatserne.",
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Børnehandicap: efter et halvt års analyse har Familiecenter Køge aftalt et \
                    1½-årigt udviklingsforløb med Socialstyrelsens Taskforce.",
            },
        ],
    },
    Ini {
        number: "3.5",
        title: "Koordinerende sagsbehandling",
        goal: 3,
        track: 3,
        owner: "Familiecenter Køge",
        committee: "Børneudvalget og Social- og Arbejdsmarkedsudvalget",
        description: "Når en borger får hjælp fra flere afdelinger, koordineres sagsbehandlingen, \
            så indsatsen bliver helhedsorienteret. Det er der evidens for.",
        start: APPROVED,
        deadline: None,
        interventions: &[],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "'En plan' indføres i Familiecenter Køge, Ungecentret, Jobcentret, \
                    Borgerservice og Socialafdelingen og afprøver den evidensbaserede \
                    'Samarbejdsmodellen', som Socialstyrelsen anbefaler.",
            },
        ],
    },
    Ini {
        number: "3.6",
        title: "Koordinerede indsatsplaner for personer med dobbeltdiagnoser",
        goal: 3,
        track: 3,
        owner: "Familiecenter Køge",
        committee: CHILDREN_COMMITTEE,
        description: "Borgere med både psykisk lidelse og misbrug får én koordineret \
            indsatsplan på tværs af sektorer, så ingen falder mellem to stole. Familiecentret \
            inddrages, når der er børn.",
        start: APPROVED,
        deadline: None,
        interventions: &["Labyrinten – gruppe for børn af sindslidende"],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(Done),
                text: "Region Sjælland og alle kommuner i regionen har aftalt en koordineret \
                    indsatsplan for borgere med både psykisk lidelse og misbrug. Familiecenter \
                    Køge inddrages, hvis borgeren har børn, og der er bekymring for dem. \
                    Projektet er fuldt implementeret.",
            },
        ],
    },
    Ini {
        number: "3.7",
        title: "Tidlig indsats og tværgående forløb",
        goal: 1,
        track: 3,
        owner: "Familiecenter Køge",
        committee: CHILDREN_COMMITTEE,
        description: "En tidlig og tværfaglig forebyggende indsats skal forhindre dyrere \
            indsatser senere: forebyggende rådgivere, 'Godt fra Start', 'Brobygning' og \
            'Fælles Indsats'.",
        start: APPROVED,
        deadline: None,
        interventions: &[
            "Forebyggende rådgivere i dagtilbud og skoler",
            "Sundhedspleje med ekstra hjemmebesøg",
        ],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Forebyggende rådgivere støtter dagtilbud og skoler, før en myndighedssag \
                    bliver nødvendig. 'Godt fra Start' har et tværgående småbørnsteam \
                    (Sundhedstjenesten, Elmehuset og Familiecenter Køge) for gravide og 0–2-årige \
                    og et lederteam for 0–6-årsområdet. 'Brobygning' mellem dagtilbud og skole er \
                    ved at blive indført, og 'Fælles Indsats' sikrer koordineret hjælp ved \
                    bekymring.",
            },
        ],
    },
    Ini {
        number: "4.1",
        title: "Indsatstrappe, tidlig indsats, nye typer tilbud og øget økonomisk bevidsthed \
            blandt rådgiverne",
        goal: 2,
        track: 4,
        owner: "Familiecenter Køge",
        committee: CHILDREN_COMMITTEE,
        description: "Indsatstrappen er styringsredskabet: den mindst indgribende nødvendige \
            indsats, så tæt på hverdagslivet som muligt, nye typer tilbud og rådgivere, der \
            kender prisen på det, de bevilger.",
        start: APPROVED,
        deadline: None,
        interventions: &[
            "Familierådslagning / netværksrådslagning",
            "Det inddragende netværksmøde",
        ],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(InProgress),
                text: "Gennem NU-projektet giver Familiecenter Køge den mindst indgribende \
                    nødvendige indsats så tæt på hverdagslivet som muligt og med tæt inddragelse \
                    af almenområdet. Der er stærkt fokus på tidlig indsats og på rådgivernes \
                    økonomiske bevidsthed.",
            },
        ],
    },
    Ini {
        number: "4.2",
        title: "Databaseret styring, praksis og ledelsesinformation",
        goal: 3,
        track: 4,
        owner: "Familiecenter Køge",
        committee: CHILDREN_COMMITTEE,
        description: "Styring og praksis bygger på data: et ledelsesinformationsværktøj giver \
            rådgivere og ledere overblik over sager og frister.",
        start: APPROVED,
        deadline: None,
        interventions: &[],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(Done),
                text: "Familiecenter Køge har bygget et praksis- og ledelsesinformationsværktøj, \
                    der dagligt henter data fra fagsystemet DUBU. Med den nye DUBU-version fra \
                    2019 ligger ledelsesinformationen nu i selve systemet, så rådgivere og ledelse \
                    har overblik over alle sager og frister.",
            },
        ],
    },
    Ini {
        number: "4.2",
        title: "Analyse om standardkontrakter og kontraktforhandling",
        goal: 2,
        track: 4,
        owner: FAM,
        committee: CHILDREN_COMMITTEE,
        description: "En businesscase skal vise, om en medarbejder til at forhandle nye og \
            genforhandle eksisterende kontrakter kan styrke familiecentrets rolle som køber. \
            Kommunen vil også have egne standardkontrakter. (Nummereret 4.2 som i kilden.)",
        start: APPROVED,
        deadline: Some((2019, 12, 31)),
        interventions: &["Opholdssted", "Døgninstitution"],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(NotStarted),
                text: IN_PLAN,
            },
            Note {
                date: STATUS_DATE,
                author: FAM,
                status: Some(NotStarted),
                text: "Forvaltningen vil bede Kultur- og Økonomiforvaltningen om hjælp til \
                    businesscasen og til at udarbejde egne standardkontrakter.",
            },
        ],
    },
    Ini {
        number: "4.3",
        title: "Budgetopfølgning og regnskabsprognoser på månedsbasis",
        goal: 2,
        track: 4,
        owner: "Sekretariatet, Børne- og Uddannelsesforvaltningen",
        committee: CHILDREN_COMMITTEE,
        description: "Økonomien følges op hver måned i forvaltningen, og Børneudvalget får en \
            samlet månedlig redegørelse.",
        start: (2019, 8, 1),
        deadline: None,
        interventions: &[],
        notes: &[
            Note {
                date: APPROVED,
                author: BUF,
                status: Some(InProgress),
                text: ALREADY_RUNNING,
            },
            Note {
                date: STATUS_DATE,
                author: "Sekretariatet",
                status: Some(InProgress),
                text: "Sekretariatet gennemgår hver måned udviklingen på et ledermøde. Fra august \
                    2019 samles oplysningerne hver måned i en redegørelse til Børneudvalget.",
            },
        ],
    },
];

fn date(d: Ymd) -> chrono::NaiveDate {
    ymd(d.0, d.1, d.2)
}

fn value(d: Ymd, v: f64, note: &str) -> IndicatorValue {
    IndicatorValue {
        date: Some(date(d)),
        value: v,
        note: note.into(),
        ..IndicatorValue::default()
    }
}

fn timeline_row(start: Option<Ymd>, end: Option<Ymd>, label: &str, activity: &str) -> TimelineRow {
    TimelineRow {
        start: start.map(date),
        end: end.map(date),
        period_label: label.into(),
        activity: activity.into(),
        ..TimelineRow::default()
    }
}

pub fn workspace() -> Workspace {
    let mut ws = Workspace::new("Køge 2019 – Strategier for indsatsen");
    ws.municipality = "Køge Kommune".into();
    ws.description = "Børne- og Uddannelsesforvaltningens plan af 8. maj 2019 for at \
        implementere 'Strategier for indsatsen' fra Udvalget for det specialiserede børne- og \
        voksenområde, godkendt af Byrådet den 30. april 2019. Statusnoterne gengiver planens \
        status pr. 8. maj 2019. Trappen har de indsatser, planen nævner; planen giver ingen tal for \
        børn, priser eller sagsbehandlere, så trappen har ingen målinger. Indikatorernes tal er \
        opdigtede eksempeltal, og møderne er opdigtede."
        .into();
    ws.staircase = steps_named(&UNITS, &INTERVENTIONS);
    // Shown as of the plan's status date (seed 000: "8. maj 2019"): the plan is under way, and the
    // invented meetings lie in the year before it.
    ws.as_of = Some(date(STATUS_DATE));
    let all = meetings::network_meetings(&ws.staircase, UNITS.family_centre, date(STATUS_DATE));
    // A family group conference, a Fælles Indsats meeting (3.4) and a transition meeting (3.2).
    ws.meetings = all
        .into_iter()
        .filter(|m| ["Sag F-2041", "Sag D-0452", "Sag U-0177"].contains(&m.case_ref.as_str()))
        .collect();

    let plan = &mut ws.plan;
    plan.title = "Plan for implementering af 'Strategier for indsatsen'".into();
    plan.period = "2019–2020".into();
    plan.goals = GOALS
        .iter()
        .enumerate()
        .map(|(i, (title, description))| Goal {
            number: (i + 1).to_string(),
            title: (*title).into(),
            description: (*description).into(),
            ..Goal::default()
        })
        .collect();
    plan.tracks = TRACKS
        .iter()
        .enumerate()
        .map(|(i, (title, description))| Track {
            number: (i + 1).to_string(),
            title: (*title).into(),
            description: (*description).into(),
            ..Track::default()
        })
        .collect();
    for spec in &INITIATIVES {
        let history: Vec<StatusNote> = spec
            .notes
            .iter()
            .map(|n| status_note(date(n.date), n.author, n.status, n.text))
            .collect();
        plan.initiatives.push(Initiative {
            number: spec.number.into(),
            title: spec.title.into(),
            description: spec.description.into(),
            goal_id: Some(plan.goals[spec.goal - 1].id),
            track_id: Some(plan.tracks[spec.track - 1].id),
            owner: spec.owner.into(),
            committee: spec.committee.into(),
            start: Some(date(spec.start)),
            deadline: spec.deadline.map(date),
            period: "2019–2020".into(),
            intervention_ids: intervention_ids(&ws.staircase, spec.interventions),
            status: last_status(&history),
            history,
            ..Initiative::default()
        });
    }

    let initiative = |number: &str, title_start: &str| {
        plan.initiatives
            .iter()
            .find(|i| i.number == number && i.title.starts_with(title_start))
            .map(|i| i.id)
    };
    // Made up: the plan gives no indicator figures (seed 000), so every indicator is marked `made_up`. Children
    // placed in foster and residential care, from 169 at the start of 2016 to 148 by the end of 2020.
    let (placed_base, placed_target) = (169.0, 148.0);
    let indicators = vec![
        Indicator {
            name: "Anbragte børn i familiepleje og på døgntilbud".into(),
            unit: "børn".into(),
            baseline: Some(placed_base),
            baseline_date: Some(ymd(2016, 1, 1)),
            target: Some(placed_target),
            target_date: Some(ymd(2020, 12, 31)),
            goal_id: Some(plan.goals[1].id),
            initiative_id: initiative("4.1", "Indsatstrappe"),
            made_up: true,
            values: vec![
                value((2017, 12, 31), placed_base - 4.0, "Eksempeltal"),
                value((2018, 12, 31), placed_base - 9.0, "Eksempeltal"),
                value((2019, 4, 30), placed_base - 12.0, "Eksempeltal"),
            ],
            ..Indicator::default()
        },
        Indicator {
            name: "Netværksrådslagninger i nye sager pr. måned".into(),
            unit: "møder pr. måned".into(),
            baseline: Some(0.0),
            baseline_date: Some(ymd(2018, 12, 31)),
            target: Some(5.0),
            target_date: Some(ymd(2020, 12, 31)),
            goal_id: Some(plan.goals[0].id),
            initiative_id: initiative("4.1", "Indsatstrappe"),
            made_up: true,
            values: vec![
                value((2019, 3, 31), 1.0, "Eksempeltal"),
                value(
                    (2019, 4, 30),
                    2.5,
                    "Eksempeltal; Assens' mål er 5–10 om måneden",
                ),
            ],
            ..Indicator::default()
        },
        Indicator {
            name: "Børnefaglige undersøgelser afsluttet inden for fire måneder".into(),
            unit: "%".into(),
            baseline: Some(61.0),
            baseline_date: Some(ymd(2018, 12, 31)),
            target: Some(90.0),
            target_date: Some(ymd(2020, 12, 31)),
            goal_id: Some(plan.goals[2].id),
            initiative_id: initiative("4.2", "Databaseret"),
            made_up: true,
            values: vec![
                value(
                    (2019, 3, 31),
                    67.0,
                    "Eksempeltal; indikatoren er inspireret af Slagelses mål om smidige \
                     sagsforløb",
                ),
                value((2019, 4, 30), 74.0, "Eksempeltal"),
            ],
            ..Indicator::default()
        },
    ];
    plan.indicators = indicators;

    plan.timeline = vec![
        timeline_row(
            Some(APPROVED),
            None,
            "30. april 2019",
            "Byrådet godkender rapporten 'Strategier for indsatsen'",
        ),
        timeline_row(
            Some(STATUS_DATE),
            None,
            "8. maj 2019",
            "Budgetanalyserne 1.1–1.3 forelægges Børneudvalget og Skoleudvalget og sendes i høring",
        ),
        timeline_row(
            Some((2019, 6, 19)),
            None,
            "19. juni 2019",
            "Workshop med Socialstyrelsen og frivillige organisationer om inddragelse af \
             civilsamfundet",
        ),
        timeline_row(
            Some((2019, 8, 1)),
            None,
            "Fra august 2019",
            "Månedlig redegørelse om budget og regnskabsprognose til Børneudvalget",
        ),
        timeline_row(
            Some((2019, 9, 1)),
            Some((2019, 12, 31)),
            "Efterår 2019",
            "'Fælles Indsats' indføres på dagtilbudsområdet",
        ),
        timeline_row(
            None,
            None,
            "1½ år fra aftalen",
            "Udviklingsforløb på børnehandicapområdet med Socialstyrelsens Taskforce",
        ),
    ];
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validation::validate;

    #[test]
    fn initiatives_are_numbered_as_in_the_seed() {
        let ws = workspace();
        let numbers: Vec<&str> = ws
            .plan
            .initiatives
            .iter()
            .map(|i| i.number.as_str())
            .collect();
        assert_eq!(
            numbers,
            [
                "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7",
                "4.1", "4.2", "4.2", "4.3"
            ]
        );
        assert_eq!(ws.plan.goals.len(), 3);
        assert_eq!(ws.plan.tracks.len(), 4);
        // Each initiative sits on the track its first digit names.
        for ini in &ws.plan.initiatives {
            let track = ws
                .plan
                .tracks
                .iter()
                .find(|t| Some(t.id) == ini.track_id)
                .unwrap();
            assert!(ini.number.starts_with(&track.number), "{}", ini.number);
            assert!(ini.goal_id.is_some());
            assert!(!ini.description.is_empty() && !ini.owner.is_empty());
        }
    }

    #[test]
    fn the_status_history_carries_the_8_may_2019_texts() {
        let ws = workspace();
        let i11 = &ws.plan.initiatives[0];
        let last = i11.history.last().unwrap();
        assert_eq!(last.date, Some(ymd(2019, 5, 8)));
        assert!(last.text.contains("Børneudvalget"));
        assert_eq!(i11.status, InitiativeStatus::InProgress);
        let done: Vec<&str> = ws
            .plan
            .initiatives
            .iter()
            .filter(|i| i.status == InitiativeStatus::Done)
            .map(|i| i.number.as_str())
            .collect();
        assert_eq!(done, ["3.6", "4.2"]);
    }

    #[test]
    fn validates_and_has_indicators_timeline_and_meetings() {
        let ws = workspace();
        assert_eq!(validate(&ws, "workspace"), vec![]);
        assert_eq!(ws.plan.indicators.len(), 3);
        assert!(ws
            .plan
            .indicators
            .iter()
            .all(|i| i.goal_id.is_some() && i.initiative_id.is_some()));
        assert!(ws.plan.timeline.len() >= 4);
        assert_eq!(ws.meetings.len(), 3);
        assert_eq!(ws.plan.stale_after_days, 60);
        assert!(ws.staircase.steps[0].interventions[0]
            .provider
            .contains("Sundhedstjenesten"));
    }
}
