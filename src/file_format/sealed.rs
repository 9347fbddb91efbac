//! A workspace file protected with a passphrase: still JSON, with the normal Trappe file encrypted inside.
//!
//! ```json
//! {"format": "trappe-sealed", "version": 1, "note": "…",
//!  "kdf": {"name": "PBKDF2", "hash": "SHA-256", "iterations": 600000, "salt": "<base64, 16 bytes>"},
//!  "cipher": {"name": "AES-GCM", "iv": "<base64, 12 bytes>"},
//!  "ciphertext": "<base64 of AES-256-GCM output, the 16-byte tag at its end>"}
//! ```
//!
//! The key is PBKDF2-HMAC-SHA-256 of the passphrase's UTF-8 bytes with the salt, 32 bytes; the plaintext
//! is a normal workspace file (`export_json`). This module is plain Rust: it reads, checks and writes the
//! envelope; the encryption itself is the browser's WebCrypto (`browser::crypto`). See docs/file-format.md.

use crate::model::sorting::StableSort;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{Map, Value};

/// The `format` of a protected file.
pub const SEALED_FORMAT: &str = "trappe-sealed";
/// The envelope version this build writes and reads.
pub const SEALED_VERSION: u64 = 1;
/// PBKDF2 iterations written; files with fewer are refused (OWASP's figure for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
pub const MIN_ITERATIONS: u64 = 600_000;
/// More than this would keep the browser busy for minutes: a file asking for it is refused.
pub const MAX_ITERATIONS: u64 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// AES-GCM's authentication tag, at the end of the ciphertext.
pub const TAG_BYTES: usize = 16;
pub const KDF_NAME: &str = "PBKDF2";
pub const KDF_HASH: &str = "SHA-256";
pub const CIPHER_NAME: &str = "AES-GCM";

/// The human note written into every protected file, for whoever opens it in a text editor.
pub const NOTE: &str = "Dette er en Trappe-fil, beskyttet med en adgangskode (AES-256-GCM, nøgle fra \
PBKDF2-SHA-256). Åbn den i Trappe under Data → Importér fra fil, og skriv adgangskoden. Uden Trappe: se \
afsnittet «Beskyttede filer» i Trappes docs/file-format.md.";

/// A protected file, read and checked; nothing decrypted yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedFile {
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub iv: [u8; IV_BYTES],
    /// AES-GCM output: the encrypted file followed by the 16-byte tag.
    pub ciphertext: Vec<u8>,
}

/// What is wrong with a protected file, as data; `text::sealed` says it in Danish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SealedError {
    /// It looks protected, but is no JSON object.
    NotJson,
    WrongFormat {
        found: Option<String>,
    },
    MissingField(&'static str),
    WrongType {
        field: &'static str,
        expected: &'static str,
    },
    UnknownVersion(String),
    UnknownKdf(String),
    UnknownHash(String),
    UnknownCipher(String),
    TooFewIterations(u64),
    TooManyIterations(u64),
    BadBase64(&'static str),
    WrongLength {
        field: &'static str,
        expected: usize,
        found: usize,
    },
    /// Shorter than the tag alone.
    CiphertextTooShort(usize),
}

impl SealedFile {
    /// The file as written: the envelope with the note, base64 (standard alphabet, padded).
    /// The fields are written in this order, the long ciphertext last, so the envelope's head says what
    /// the file is.
    pub fn to_json(&self) -> String {
        let out = Out {
            format: SEALED_FORMAT,
            version: SEALED_VERSION,
            note: NOTE,
            kdf: KdfOut {
                name: KDF_NAME,
                hash: KDF_HASH,
                iterations: self.iterations,
                salt: STANDARD.encode(self.salt),
            },
            cipher: CipherOut {
                name: CIPHER_NAME,
                iv: STANDARD.encode(self.iv),
            },
            ciphertext: STANDARD.encode(&self.ciphertext),
        };
        // Indented on the text, as the export is: the app carries one JSON writer.
        let mut s = super::export::pretty(&serde_json::to_string(&out).unwrap_or_default());
        s.push('\n');
        s
    }
}

#[derive(serde::Serialize)]
struct Out {
    format: &'static str,
    version: u64,
    note: &'static str,
    kdf: KdfOut,
    cipher: CipherOut,
    ciphertext: String,
}

#[derive(serde::Serialize)]
struct KdfOut {
    name: &'static str,
    hash: &'static str,
    iterations: u32,
    salt: String,
}

#[derive(serde::Serialize)]
struct CipherOut {
    name: &'static str,
    iv: String,
}

/// The name of a protected file: the plain file's name with «-beskyttet» before «.json», so it is told
/// apart in a folder or an e-mail.
pub fn file_name(plain: &str) -> String {
    match plain.strip_suffix(".json") {
        Some(stem) => format!("{stem}-beskyttet.json"),
        None => format!("{plain}-beskyttet.json"),
    }
}

/// How far into a file, from its start and from its end, the marks of a protected file are looked for:
/// Trappe writes the envelope's head first and the ciphertext last, and a tool that sorts the keys puts
/// `kdf` after it, near the end.
const HEAD_BYTES: usize = 4096;

/// Is this a protected file? `None` for anything else (a workspace file, or something the normal reader
/// refuses in its own words); `Some` with the checked file or what is wrong with it. A plain workspace
/// file costs a look at its first few kilobytes.
pub fn detect(bytes: &[u8]) -> Option<Result<SealedFile, SealedError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let tail = &bytes[bytes.len().saturating_sub(HEAD_BYTES)..];
    let marked = [head, tail].iter().any(|part| {
        [&b"\"trappe-sealed\""[..], b"\"ciphertext\"", b"\"kdf\""]
            .iter()
            .any(|mark| contains(part, mark))
    });
    if !marked {
        return None;
    }
    let doc: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        // The mark in the head of a broken file: say it looks protected but is damaged.
        Err(_) => return Some(Err(SealedError::NotJson)),
    };
    let Value::Object(top) = &doc else {
        return Some(Err(SealedError::NotJson));
    };
    let format = top.get("format").and_then(Value::as_str);
    let looks_sealed = format == Some(SEALED_FORMAT)
        || (top.contains_key("ciphertext") && format != Some(super::FORMAT));
    if !looks_sealed {
        // A workspace file that happens to hold the words: the normal reader takes it.
        return None;
    }
    Some(check(top))
}

/// Reads and checks a protected file (strictly: every field, its type, lengths and limits).
pub fn parse(bytes: &[u8]) -> Result<SealedFile, SealedError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: Value = serde_json::from_slice(bytes).map_err(|_| SealedError::NotJson)?;
    match &doc {
        Value::Object(top) => check(top),
        _ => Err(SealedError::NotJson),
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn check(top: &Map<String, Value>) -> Result<SealedFile, SealedError> {
    match top.get("format") {
        Some(Value::String(s)) if s == SEALED_FORMAT => {}
        Some(Value::String(s)) => {
            return Err(SealedError::WrongFormat {
                found: Some(s.chars().take(40).collect()),
            })
        }
        Some(other) => {
            return Err(SealedError::WrongFormat {
                found: Some(other.to_string().chars().take(40).collect()),
            })
        }
        None => return Err(SealedError::WrongFormat { found: None }),
    }
    match top.get("version") {
        None => return Err(SealedError::MissingField("version")),
        Some(v) if v.as_u64() == Some(SEALED_VERSION) => {}
        Some(v) => {
            return Err(SealedError::UnknownVersion(
                v.to_string().chars().take(20).collect(),
            ))
        }
    }
    let kdf = object(top, "kdf")?;
    let name = string(kdf, "name", "kdf.name")?;
    if name != KDF_NAME {
        return Err(SealedError::UnknownKdf(short(name)));
    }
    let hash = string(kdf, "hash", "kdf.hash")?;
    if hash != KDF_HASH {
        return Err(SealedError::UnknownHash(short(hash)));
    }
    let iterations = match kdf.get("iterations") {
        None => return Err(SealedError::MissingField("kdf.iterations")),
        Some(v) => v.as_u64().ok_or(SealedError::WrongType {
            field: "kdf.iterations",
            expected: "heltal",
        })?,
    };
    if iterations < MIN_ITERATIONS {
        return Err(SealedError::TooFewIterations(iterations));
    }
    if iterations > MAX_ITERATIONS {
        return Err(SealedError::TooManyIterations(iterations));
    }
    let salt: [u8; SALT_BYTES] = fixed(string(kdf, "salt", "kdf.salt")?, "kdf.salt")?;
    let cipher = object(top, "cipher")?;
    let name = string(cipher, "name", "cipher.name")?;
    if name != CIPHER_NAME {
        return Err(SealedError::UnknownCipher(short(name)));
    }
    let iv: [u8; IV_BYTES] = fixed(string(cipher, "iv", "cipher.iv")?, "cipher.iv")?;
    let ciphertext = decode(string(top, "ciphertext", "ciphertext")?, "ciphertext")?;
    if ciphertext.len() < TAG_BYTES {
        return Err(SealedError::CiphertextTooShort(ciphertext.len()));
    }
    Ok(SealedFile {
        iterations: iterations as u32,
        salt,
        iv,
        ciphertext,
    })
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

fn object<'a>(
    top: &'a Map<String, Value>,
    key: &'static str,
) -> Result<&'a Map<String, Value>, SealedError> {
    match top.get(key) {
        None => Err(SealedError::MissingField(key)),
        Some(Value::Object(m)) => Ok(m),
        Some(_) => Err(SealedError::WrongType {
            field: key,
            expected: "objekt",
        }),
    }
}

fn string<'a>(
    m: &'a Map<String, Value>,
    key: &str,
    path: &'static str,
) -> Result<&'a str, SealedError> {
    match m.get(key) {
        None => Err(SealedError::MissingField(path)),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(SealedError::WrongType {
            field: path,
            expected: "tekst",
        }),
    }
}

fn decode(s: &str, field: &'static str) -> Result<Vec<u8>, SealedError> {
    STANDARD
        .decode(s)
        .map_err(|_| SealedError::BadBase64(field))
}

fn fixed<const N: usize>(s: &str, field: &'static str) -> Result<[u8; N], SealedError> {
    let bytes = decode(s, field)?;
    <[u8; N]>::try_from(bytes.as_slice()).map_err(|_| SealedError::WrongLength {
        field,
        expected: N,
        found: bytes.len(),
    })
}

/// Why a passphrase is weak, if it is: a warning to show, never a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weakness {
    TooShort,
    OneKind,
    Common,
    Repetitive,
}

/// Shorter than this is weak.
pub const MIN_GOOD_LENGTH: usize = 12;
/// Long passphrases of one kind of character (words in lower case) are fine from this length.
const LONG_ENOUGH_FOR_ONE_KIND: usize = 20;

/// Passwords and words people pick first, in Danish and English; a passphrase that is one of these with
/// only digits or signs around it is weak.
const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "adgangskode",
    "kodeord",
    "hemmelig",
    "hemmeligt",
    "qwerty",
    "qwertyuiop",
    "asdfgh",
    "letmein",
    "welcome",
    "velkommen",
    "trappe",
    "indsatstrappe",
    "kommune",
    "sommer",
    "vinter",
    "forår",
    "efterår",
    "januar",
    "december",
    "danmark",
    "københavn",
    "admin",
    "abc",
    "abcdef",
    "test",
    "iloveyou",
    "jegelskerdig",
    "monkey",
    "dragon",
    "football",
    "fodbold",
];

/// The first weakness found, if any.
pub fn passphrase_weakness(p: &str) -> Option<Weakness> {
    let n = p.chars().count();
    if n == 0 {
        return None;
    }
    let lower = p.to_lowercase();
    let letters: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    if COMMON.contains(&letters.as_str()) {
        return Some(Weakness::Common);
    }
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.stable_sort();
    distinct.dedup();
    if distinct.len() <= 3 || is_run(&lower) {
        return Some(Weakness::Repetitive);
    }
    if n < MIN_GOOD_LENGTH {
        return Some(Weakness::TooShort);
    }
    let kinds = [
        p.chars().any(|c| c.is_lowercase()),
        p.chars().any(|c| c.is_uppercase()),
        p.chars().any(|c| c.is_numeric()),
        p.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    if kinds <= 1 && n < LONG_ENOUGH_FOR_ONE_KIND {
        return Some(Weakness::OneKind);
    }
    None
}

/// "123456789…", "abcdefg…": each character the one after the last.
fn is_run(s: &str) -> bool {
    let c: Vec<u32> = s.chars().map(|c| c as u32).collect();
    c.len() >= 4
        && (c.windows(2).all(|w| w[1] == w[0] + 1) || c.windows(2).all(|w| w[0] == w[1] + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> SealedFile {
        SealedFile {
            iterations: ITERATIONS,
            salt: [7; 16],
            iv: [9; 12],
            ciphertext: (0..100u8).collect(),
        }
    }

    fn with(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
        let mut v: Value = serde_json::from_str(&sample().to_json()).unwrap();
        edit(&mut v);
        serde_json::to_vec(&v).unwrap()
    }

    #[test]
    fn round_trips_and_is_detected() {
        let s = sample();
        let json = s.to_json();
        assert_eq!(parse(json.as_bytes()), Ok(s.clone()));
        assert_eq!(detect(json.as_bytes()), Some(Ok(s)));
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format"], "trappe-sealed");
        assert_eq!(v["kdf"]["iterations"], 600000);
        assert_eq!(v["kdf"]["salt"], STANDARD.encode([7u8; 16]));
        assert!(v["note"].as_str().unwrap().contains("Importér"));
        // With a byte order mark, as Windows editors save it.
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(json.as_bytes());
        assert!(matches!(detect(&bom), Some(Ok(_))));
    }

    #[test]
    fn the_plain_reader_says_a_sealed_file_is_protected() {
        let json = sample().to_json();
        assert_eq!(
            crate::file_format::read_workspace_file(json.as_bytes()).unwrap_err(),
            crate::file_format::ImportError::Sealed
        );
    }

    #[test]
    fn protected_file_names_say_so() {
        assert_eq!(
            file_name("trappe-koege-2026-12-06.json"),
            "trappe-koege-2026-12-06-beskyttet.json"
        );
    }

    #[test]
    fn a_long_ciphertext_comes_last_and_any_key_order_is_read() {
        let big = SealedFile {
            ciphertext: vec![42; 200_000],
            ..sample()
        };
        let json = big.to_json();
        let at = |k: &str| json.find(k).unwrap();
        assert!(at("\"format\"") < at("\"kdf\"") && at("\"kdf\"") < at("\"ciphertext\""));
        assert_eq!(detect(json.as_bytes()), Some(Ok(big.clone())));
        // Keys sorted, as some tools write them: the ciphertext before `format` and `kdf`.
        let v: Value = serde_json::from_str(&json).unwrap();
        let sorted = serde_json::to_vec(&v).unwrap();
        assert!(sorted.starts_with(b"{\"cipher\""));
        assert_eq!(detect(&sorted), Some(Ok(big)));
    }

    #[test]
    fn plain_files_are_not_sealed() {
        let ws = crate::model::Workspace::new("trappe-sealed \"kdf\" \"cipher\"");
        let plain = crate::file_format::export_json(&ws, chrono::Utc::now());
        assert_eq!(detect(plain.as_bytes()), None);
        assert_eq!(detect(b""), None);
        assert_eq!(detect(b"{\"format\":\"trappe-workspace\"}"), None);
        assert_eq!(detect(b"not json at all"), None);
        let odd = br#"{"format":"trappe-workspace","kdf":1,"cipher":2,"ciphertext":"x"}"#;
        assert_eq!(detect(odd), None);
        // A plain file holding the words still reads as a workspace.
        assert!(crate::file_format::read_workspace_file(plain.as_bytes()).is_ok());
    }

    #[test]
    fn damaged_files_that_look_sealed_are_refused() {
        assert_eq!(
            detect(b"{\"format\": \"trappe-sealed\", \"version\": 1,"),
            Some(Err(SealedError::NotJson))
        );
        assert_eq!(parse(b"[1,2]"), Err(SealedError::NotJson));
    }

    #[test]
    fn each_wrong_field_is_named() {
        let cases: Vec<(Vec<u8>, SealedError)> = vec![
            (
                with(|v| v["format"] = json!("trappe-other")),
                SealedError::WrongFormat {
                    found: Some("trappe-other".into()),
                },
            ),
            (
                with(|v| v["version"] = json!(2)),
                SealedError::UnknownVersion("2".into()),
            ),
            (
                with(|v| {
                    v.as_object_mut().unwrap().remove("version");
                }),
                SealedError::MissingField("version"),
            ),
            (
                with(|v| v["kdf"]["iterations"] = json!(599_999)),
                SealedError::TooFewIterations(599_999),
            ),
            (
                with(|v| v["kdf"]["iterations"] = json!(1_000_000_000u64)),
                SealedError::TooManyIterations(1_000_000_000),
            ),
            (
                with(|v| v["kdf"]["iterations"] = json!("600000")),
                SealedError::WrongType {
                    field: "kdf.iterations",
                    expected: "heltal",
                },
            ),
            (
                with(|v| v["kdf"]["name"] = json!("scrypt")),
                SealedError::UnknownKdf("scrypt".into()),
            ),
            (
                with(|v| v["kdf"]["hash"] = json!("SHA-1")),
                SealedError::UnknownHash("SHA-1".into()),
            ),
            (
                with(|v| v["cipher"]["name"] = json!("AES-CBC")),
                SealedError::UnknownCipher("AES-CBC".into()),
            ),
            (
                with(|v| v["kdf"]["salt"] = json!("not base64!")),
                SealedError::BadBase64("kdf.salt"),
            ),
            (
                with(|v| v["kdf"]["salt"] = json!(STANDARD.encode([1u8; 8]))),
                SealedError::WrongLength {
                    field: "kdf.salt",
                    expected: 16,
                    found: 8,
                },
            ),
            (
                with(|v| v["cipher"]["iv"] = json!(STANDARD.encode([1u8; 16]))),
                SealedError::WrongLength {
                    field: "cipher.iv",
                    expected: 12,
                    found: 16,
                },
            ),
            (
                with(|v| v["ciphertext"] = json!("%%%")),
                SealedError::BadBase64("ciphertext"),
            ),
            (
                with(|v| v["ciphertext"] = json!(STANDARD.encode([1u8; 15]))),
                SealedError::CiphertextTooShort(15),
            ),
            (
                with(|v| {
                    v.as_object_mut().unwrap().remove("cipher");
                }),
                SealedError::MissingField("cipher"),
            ),
            (
                with(|v| v["kdf"] = json!("PBKDF2")),
                SealedError::WrongType {
                    field: "kdf",
                    expected: "objekt",
                },
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(parse(&bytes), Err(want.clone()), "{want:?}");
            // Every case is still recognised as a protected file, so the message is about protection.
            assert_eq!(detect(&bytes), Some(Err(want)));
        }
    }

    #[test]
    fn a_file_without_format_but_with_ciphertext_is_a_damaged_sealed_file() {
        let bytes = with(|v| {
            v.as_object_mut().unwrap().remove("format");
        });
        assert_eq!(
            detect(&bytes),
            Some(Err(SealedError::WrongFormat { found: None }))
        );
    }

    #[test]
    fn weak_passphrases_are_found() {
        use Weakness::*;
        assert_eq!(passphrase_weakness(""), None);
        assert_eq!(passphrase_weakness("kort1A!"), Some(TooShort));
        assert_eq!(passphrase_weakness("alleordsmåbogstaver"), Some(OneKind));
        assert_eq!(passphrase_weakness("ALLEORDSSTOREBOGSTAVER"), None);
        assert_eq!(passphrase_weakness("Adgangskode2024!"), Some(Common));
        assert_eq!(passphrase_weakness("password"), Some(Common));
        assert_eq!(passphrase_weakness("123456789012"), Some(OneKind));
        assert_eq!(passphrase_weakness("aaaaaaaaaaaaaaaa"), Some(Repetitive));
        assert_eq!(passphrase_weakness("abcdefghijklm"), Some(Repetitive));
        assert_eq!(passphrase_weakness("Grøn-Trappe-Hest-42"), None);
        assert_eq!(passphrase_weakness("korrekt hest batteri hæfte"), None);
        assert_eq!(passphrase_weakness("Sommer2026?"), Some(Common));
    }
}
