//! The spreadsheet reader (`spreadsheet::read`) on files written by other programs (calamine's own test
//! files, saved by Excel and LibreOffice: see tests/fixtures/sheets/README.md), on CSV bytes as Danish
//! Excel and others write them, on the app's own CSV export, on hostile bytes, and at 10,000 rows.

#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveTime};
use std::io::Write;
use std::time::Instant;
use trappe::spreadsheet::read::{read_workbook, Reply, MAX_BYTES};
use trappe::spreadsheet::{Cell, ReadError, Sheet, Workbook};

fn fixture(name: &str) -> Result<Workbook, ReadError> {
    let bytes = std::fs::read(format!("tests/fixtures/sheets/{name}")).expect(name);
    read_workbook(name, &bytes)
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn only_sheet(w: Workbook) -> Sheet {
    assert_eq!(w.sheets.len(), 1, "{w:?}");
    w.sheets.into_iter().next().unwrap()
}

#[test]
fn date_cells_saved_by_libreoffice_excel_and_as_ods() {
    let jan1 = Cell::Date(date(2021, 1, 1), None);
    // date.xlsx: LibreOffice 7.4; date.xls: Excel 97 format; both with a [h]:mm:ss duration in A3.
    for name in ["date.xlsx", "date.xls"] {
        let sheet = only_sheet(fixture(name).unwrap());
        assert_eq!(sheet.name, "Sheet1");
        assert_eq!(
            sheet.rows[0],
            vec![jan1.clone(), Cell::Number(15.0)],
            "{name}"
        );
        assert_eq!(
            sheet.rows[1],
            vec![Cell::Date(date(2021, 1, 2), None), Cell::Number(16.0)]
        );
        // A duration is no date: its number of days.
        assert!(
            matches!(sheet.rows[2][0], Cell::Number(d) if (d - 10.632_060_185).abs() < 1e-6),
            "{name}: {:?}",
            sheet.rows[2]
        );
    }
    // date.ods: LibreOffice 7.3; a date with a time keeps the time.
    let sheet = only_sheet(fixture("date.ods").unwrap());
    assert_eq!(sheet.rows[0], vec![jan1, Cell::Number(15.0)]);
    assert_eq!(
        sheet.rows[1],
        vec![
            Cell::Date(
                date(2021, 1, 1),
                Some(NaiveTime::from_hms_opt(10, 10, 10).unwrap())
            ),
            Cell::Number(16.0)
        ]
    );
}

#[test]
fn formulas_give_their_cached_values_at_their_own_row_and_column() {
    // Excel: A1 =C1+E5 (23), G13 =SUM(1+1), J14 =IF(…,"US","Foreign"); rows 2–12 empty.
    let sheet = only_sheet(fixture("formula.issue.xlsx").unwrap());
    assert_eq!(sheet.rows.len(), 14);
    assert_eq!(
        sheet.rows[0],
        vec![Cell::Number(23.0), Cell::Empty, Cell::Number(23.0)]
    );
    assert!(sheet.rows[1..12].iter().all(Vec::is_empty));
    assert_eq!(sheet.cell(12, 6), &Cell::Number(2.0));
    assert_eq!(sheet.rows[12].len(), 7, "no trailing empty cells");
    assert_eq!(sheet.cell(13, 9), &text("US"));
}

#[test]
fn merged_cells_hold_their_value_in_the_first_cell() {
    let sheet = only_sheet(fixture("merge_cells.xlsx").unwrap());
    assert_eq!(
        sheet.rows,
        vec![
            vec![text("Row Merge"), Cell::Empty, text("Not Merged")],
            vec![text("Column Merge"), text("Chunk Merged")],
        ]
    );
    let sheet = only_sheet(fixture("merged_cells.ods").unwrap());
    assert_eq!(sheet.rows[0], vec![text("A"), text("B"), text("C")]);
}

#[test]
fn every_worksheet_in_order_with_its_name_and_error_values() {
    // Excel: three worksheets (one hidden, one very hidden) and a chart sheet, which holds no cells.
    let names: Vec<String> = fixture("any_sheets.xlsx")
        .unwrap()
        .sheets
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Visible", "Hidden", "VeryHidden"]);
    let book = fixture("errors.xlsx").unwrap();
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Feuil1", "Feuil2", "Feuil3"]);
    let errors: Vec<&Cell> = book.sheets[0].rows.iter().map(|r| &r[0]).collect();
    let expected = [
        "#DIV/0!", "#NAME?", "#VALUE!", "#NULL!", "#REF!", "#NUM!", "#N/A",
    ];
    assert_eq!(
        errors,
        expected
            .iter()
            .map(|e| Cell::Error((*e).into()))
            .collect::<Vec<_>>()
            .iter()
            .collect::<Vec<_>>()
    );
}

#[test]
fn password_protected_and_hostile_workbooks() {
    assert_eq!(fixture("pass_protected.xlsx"), Err(ReadError::Encrypted));
    assert_eq!(fixture("pass_protected.ods"), Err(ReadError::Encrypted));
    // calamine's denial-of-service case: an .ods asking for 17 billion cells.
    assert!(matches!(
        fixture("issue_594_dos.ods"),
        Err(ReadError::Damaged(_))
    ));
}

#[test]
fn the_kind_comes_from_the_first_bytes_not_only_the_name() {
    let xlsx = std::fs::read("tests/fixtures/sheets/date.xlsx").unwrap();
    let ods = std::fs::read("tests/fixtures/sheets/date.ods").unwrap();
    let xls = std::fs::read("tests/fixtures/sheets/date.xls").unwrap();
    for name in ["export", "export.csv", "export.ods"] {
        assert!(read_workbook(name, &xlsx).is_ok(), "{name}");
    }
    assert!(read_workbook("export.xlsx", &ods).is_ok());
    assert!(read_workbook("export.xlsx", &xls).is_ok());
    // A CSV that Excel users often save under .xls is read as what it is.
    let csv = read_workbook("liste.xls", b"a;b\r\n1;2\r\n").unwrap();
    assert_eq!(csv.sheets[0].rows[1], vec![text("1"), text("2")]);
    assert_eq!(
        read_workbook("billede.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"),
        Err(ReadError::UnknownKind)
    );
}

/// Bytes from a fixed generator, so a failure can be repeated.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn hostile_bytes_give_an_error_never_a_panic() {
    for name in ["date.xlsx", "date.ods", "date.xls", "any_sheets.xlsx"] {
        let whole = std::fs::read(format!("tests/fixtures/sheets/{name}")).unwrap();
        // Cut short anywhere, and with bytes overwritten in the middle.
        for cut in (0..whole.len()).step_by(97) {
            let _ = read_workbook(name, &whole[..cut]);
        }
        for seed in 0..200u64 {
            let mut broken = whole.clone();
            let at = (seed as usize * 7919) % broken.len();
            let len = 1 + (seed as usize % 64).min(broken.len() - at - 1);
            broken[at..at + len].copy_from_slice(&noise(seed, len));
            let _ = read_workbook(name, &broken);
        }
    }
    for seed in 0..100u64 {
        let bytes = noise(seed, 1 + seed as usize * 37);
        for name in ["x.xlsx", "x.ods", "x.xls", "x.csv", "x"] {
            let _ = read_workbook(name, &bytes);
        }
        // Garbage behind each magic number.
        for magic in [
            &b"PK\x03\x04"[..],
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        ] {
            let bytes = [magic, &bytes].concat();
            assert!(read_workbook("x.xlsx", &bytes).is_err());
        }
    }
    // Binary garbage named .csv is not taken for text.
    assert_eq!(
        read_workbook("data.csv", &noise(7, 4096)),
        Err(ReadError::UnknownKind)
    );
    assert_eq!(read_workbook("tom.csv", b""), Err(ReadError::NoSheets));
    assert_eq!(
        read_workbook("tom.csv", b"\r\n;;\r\n"),
        Err(ReadError::NoSheets)
    );
    let big = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(
        read_workbook("stor.csv", &big),
        Err(ReadError::TooLarge(big.len() as u64))
    );
}

/// A minimal .xlsx as a spreadsheet program writes it: inline strings and numbers, one sheet.
fn xlsx(sheet_data: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Møder" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#)),
    ];
    for (name, body) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_cell_far_out_is_padded_not_allocated_as_a_block() {
    // A1 and the sheet's very last cell: calamine's range would be 17 billion cells.
    let bytes = xlsx(
        r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#,
    );
    let sheet = only_sheet(read_workbook("far.xlsx", &bytes).unwrap());
    assert_eq!(sheet.rows.len(), 1_048_576);
    assert_eq!(sheet.rows[0], vec![Cell::Number(1.0)]);
    assert_eq!(sheet.cell(1_048_575, 16_383), &Cell::Number(2.0));
}

#[test]
fn ten_thousand_rows_of_xlsx() {
    let mut data = String::new();
    for r in 1..=10_000 {
        data.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Sag {r}</t></is></c><c r="B{r}"><v>{}</v></c><c r="C{r}" t="inlineStr"><is><t>Netværksmøde, opfølgning på aftaler</t></is></c><c r="D{r}"><v>{}</v></c></row>"#,
            43_000 + r % 1000,
            r as f64 * 1.5
        ));
    }
    let bytes = xlsx(&data);
    let started = Instant::now();
    let sheet = only_sheet(read_workbook("stor.xlsx", &bytes).unwrap());
    let took = started.elapsed();
    println!(
        "10,000-row xlsx ({} KB): read in {took:?}",
        bytes.len() / 1024
    );
    assert_eq!(sheet.name, "Møder");
    assert_eq!(sheet.rows.len(), 10_000);
    assert_eq!(sheet.rows[9_999][0], text("Sag 10000"));
    assert_eq!(sheet.rows[9_999][3], Cell::Number(15_000.0));
}

#[test]
fn ten_thousand_rows_of_csv() {
    let mut csv = String::from("Mødedato;Sagsnr.;Mødetype;Deltagere\r\n");
    for r in 1..=10_000 {
        csv.push_str(&format!(
            "{:02}.{:02}.2024;S-{r};Netværksmøde;\"Mor; far\nskolen\"\r\n",
            1 + r % 28,
            1 + r % 12
        ));
    }
    let started = Instant::now();
    let sheet = only_sheet(read_workbook("stor.csv", csv.as_bytes()).unwrap());
    let took = started.elapsed();
    println!("10,000-row csv ({} KB): read in {took:?}", csv.len() / 1024);
    assert_eq!(sheet.rows.len(), 10_001);
    assert_eq!(sheet.rows[10_000][3], text("Mor; far\nskolen"));
}

#[test]
fn danish_excel_csv_windows_1252_semicolons_crlf() {
    let (bytes, _, unmappable) =
        encoding_rs::WINDOWS_1252.encode("Mødedato;Sagsnr.;Mødetype\r\n08.05.2019;S-1;Opfølgningsmøde\r\n;;\r\næøå ÆØÅ;1.234,50;\r\n");
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really Windows-1252");
    let sheet = only_sheet(read_workbook("møder.csv", &bytes).unwrap());
    assert_eq!(sheet.name, "møder");
    assert_eq!(
        sheet.rows,
        vec![
            vec![text("Mødedato"), text("Sagsnr."), text("Mødetype")],
            vec![text("08.05.2019"), text("S-1"), text("Opfølgningsmøde")],
            vec![],
            vec![text("æøå ÆØÅ"), text("1.234,50")],
        ]
    );
}

#[test]
fn utf8_with_bom_and_commas_tabs_utf16_and_quoted_cells() {
    let sheet = only_sheet(
        read_workbook(
            "a.csv",
            "\u{feff}Dato,Sag,Note\n2024-01-02,7,\"æ, ø\"\n".as_bytes(),
        )
        .unwrap(),
    );
    assert_eq!(sheet.rows[0], vec![text("Dato"), text("Sag"), text("Note")]);
    assert_eq!(sheet.rows[1][2], text("æ, ø"));

    let sheet = only_sheet(read_workbook("a.tsv", b"Tal\tNavn\n1,5\tAnne\n2,5\tBo\n").unwrap());
    assert_eq!(sheet.rows[1], vec![text("1,5"), text("Anne")]);

    // Excel's "Unicode-tekst": UTF-16 LE with a BOM, tabs.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Sag\tMødetype\r\n1\tFælles\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let sheet = only_sheet(read_workbook("u.txt", &utf16).unwrap());
    assert_eq!(sheet.rows[1], vec![text("1"), text("Fælles")]);

    // Quoted cells with line breaks, the separator and quotes inside; blank lines keep the row numbers.
    let csv = "\r\nTitel;;\r\n\r\nNavn;Aftaler;Note\r\n\"Hansen; Jens\";\"1. Skole\r\n2. Fritid\";\"sagde \"\"ja\"\"\"\r\n\r\nBo;;\r\n";
    let sheet = only_sheet(read_workbook("q.csv", csv.as_bytes()).unwrap());
    assert_eq!(
        sheet.rows,
        vec![
            vec![],
            vec![text("Titel")],
            vec![],
            vec![text("Navn"), text("Aftaler"), text("Note")],
            vec![
                text("Hansen; Jens"),
                text("1. Skole\r\n2. Fritid"),
                text("sagde \"ja\"")
            ],
            vec![],
            vec![text("Bo")],
        ]
    );
    // Numbers with decimal commas split by ';' are not taken for ','-separated.
    let sheet = only_sheet(read_workbook("n.csv", b"1,5;2,5;3,5\n4,5;5,5;6,5\n").unwrap());
    assert_eq!(sheet.rows[0], vec![text("1,5"), text("2,5"), text("3,5")]);
    // One column: no separator at all.
    let sheet = only_sheet(read_workbook("n.csv", b"Navne\nAnne, Bo\nCarl\n").unwrap());
    assert_eq!(sheet.rows[1], vec![text("Anne, Bo")]);
}

#[test]
fn the_apps_own_meetings_csv_reads_back_cell_for_cell() {
    use trappe::output::meetings_csv::{meetings_csv_on, CsvRows};
    let ws = trappe::examples::build("koege-2019").unwrap();
    assert!(!ws.meetings.is_empty());
    for rows in [CsvRows::PerMeeting, CsvRows::PerActionItem] {
        let bytes = meetings_csv_on(&ws, rows, date(2019, 5, 8));
        // What the export wrote, parsed as plain CSV (the export's own format: BOM, ';').
        let body = std::str::from_utf8(&bytes)
            .unwrap()
            .trim_start_matches('\u{feff}');
        let written: Vec<Vec<String>> = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(b';')
            .flexible(true)
            .from_reader(body.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        let sheet = only_sheet(read_workbook("netvaerksmoeder.csv", &bytes).unwrap());
        assert_eq!(sheet.rows.len(), written.len(), "{rows:?}");
        for (i, (read, wrote)) in sheet.rows.iter().zip(&written).enumerate() {
            let mut wrote: Vec<Cell> = wrote
                .iter()
                .map(|s| if s.is_empty() { Cell::Empty } else { text(s) })
                .collect();
            while wrote.last() == Some(&Cell::Empty) {
                wrote.pop();
            }
            assert_eq!(read, &wrote, "{rows:?} row {}", i + 1);
        }
    }
}

#[test]
fn the_workers_reply_is_json_the_app_reads_back() {
    let book = fixture("date.ods").unwrap();
    let json = serde_json::to_string(&Reply::from(Ok(book.clone()))).unwrap();
    assert!(
        json.starts_with(
            r#"{"ok":{"sheets":[{"name":"Sheet1","rows":[[{"t":"Date","v":["2021-01-01",null]}"#
        ),
        "{json}"
    );
    let back: Result<Workbook, ReadError> = serde_json::from_str::<Reply>(&json).unwrap().into();
    assert_eq!(back, Ok(book));
    let json = serde_json::to_string(&Reply::from(Err(ReadError::Encrypted))).unwrap();
    assert_eq!(json, r#"{"err":"Encrypted"}"#);
}
