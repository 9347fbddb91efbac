//! Protected files in a real browser (headless Chromium): WebCrypto's PBKDF2 and AES-GCM round-trip a
//! workspace file through the sealed envelope; a wrong passphrase and a changed byte are both refused.
#![cfg(target_arch = "wasm32")]

use trappe::browser::crypto::{open, seal, CryptoError};
use trappe::file_format::sealed::{self, ITERATIONS, TAG_BYTES};
use trappe::file_format::{export_json, read_workspace_file};
use trappe::model::{now, Workspace};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "Grøn-hest-på-trappen-42";

#[wasm_bindgen_test]
async fn round_trips_through_the_envelope() {
    let ws = Workspace::new("Køge 2026");
    let plain = export_json(&ws, now());
    let s = seal(plain.as_bytes(), PASS).await.expect("sealed");
    assert_eq!(s.iterations, ITERATIONS);
    assert_eq!(s.ciphertext.len(), plain.len() + TAG_BYTES);
    assert!(!String::from_utf8_lossy(&s.ciphertext).contains("Køge"));
    let json = s.to_json();
    assert!(!json.contains("Køge") && !json.contains(PASS));
    let back = sealed::parse(json.as_bytes()).expect("parsed");
    let opened = open(&back, PASS).await.expect("opened");
    assert_eq!(opened, plain.as_bytes());
    assert_eq!(read_workspace_file(&opened).unwrap().workspace, ws);
    // A second sealing of the same file has its own salt and IV.
    let again = seal(plain.as_bytes(), PASS).await.unwrap();
    assert_ne!((again.salt, again.iv), (s.salt, s.iv));
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_is_refused() {
    let s = seal(b"{\"format\":\"trappe-workspace\"}", PASS)
        .await
        .unwrap();
    assert_eq!(
        open(&s, "grøn-hest-på-trappen-42").await,
        Err(CryptoError::WrongPassphraseOrChanged)
    );
}

#[wasm_bindgen_test]
async fn a_changed_byte_is_refused() {
    let s = seal(b"{\"format\":\"trappe-workspace\"}", PASS)
        .await
        .unwrap();
    for at in [0, s.ciphertext.len() / 2, s.ciphertext.len() - 1] {
        let mut changed = s.clone();
        changed.ciphertext[at] ^= 0x01;
        assert_eq!(
            open(&changed, PASS).await,
            Err(CryptoError::WrongPassphraseOrChanged),
            "byte {at}"
        );
    }
    let mut iv = s.clone();
    iv.iv[0] ^= 0x80;
    assert_eq!(
        open(&iv, PASS).await,
        Err(CryptoError::WrongPassphraseOrChanged)
    );
    let mut salt = s.clone();
    salt.salt[15] ^= 0x80;
    assert_eq!(
        open(&salt, PASS).await,
        Err(CryptoError::WrongPassphraseOrChanged)
    );
}
