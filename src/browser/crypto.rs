//! Encrypting and decrypting a file with the browser's WebCrypto (`crypto.subtle`): PBKDF2-HMAC-SHA-256 to
//! an AES-256-GCM key, a random salt and IV from `crypto.getRandomValues`. No cryptography here is written
//! by hand. The passphrase is used for the call and dropped; it is never stored or logged.

use crate::file_format::sealed::{
    SealedFile, CIPHER_NAME, ITERATIONS, IV_BYTES, KDF_HASH, KDF_NAME, SALT_BYTES,
};
use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, Crypto, CryptoKey, Pbkdf2Params, SubtleCrypto};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// No `crypto.subtle` (an old browser, or a page not in a secure context).
    Unavailable,
    /// WebCrypto refused to derive or encrypt.
    Failed,
    /// AES-GCM refused to decrypt: a wrong passphrase, or a changed byte. The two cannot be told apart.
    WrongPassphraseOrChanged,
}

fn crypto() -> Result<Crypto, CryptoError> {
    let window = web_sys::window().ok_or(CryptoError::Unavailable)?;
    // `window.crypto` is missing in very old browsers; `subtle` outside a secure context.
    let c =
        js_sys::Reflect::get(&window, &"crypto".into()).map_err(|_| CryptoError::Unavailable)?;
    if c.is_undefined() || c.is_null() {
        return Err(CryptoError::Unavailable);
    }
    let c: Crypto = c.unchecked_into();
    let subtle =
        js_sys::Reflect::get(&c, &"subtle".into()).map_err(|_| CryptoError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    Ok(c)
}

/// Can this browser protect and open files?
pub fn available() -> bool {
    crypto().is_ok()
}

async fn wait(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(p?).await
}

/// PBKDF2-HMAC-SHA-256(passphrase as UTF-8, salt, iterations) → a 256-bit AES-GCM key, not extractable.
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, CryptoError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&"deriveKey".into());
    let base = wait(subtle.import_key_with_str("raw", &raw, KDF_NAME, false, &usages))
        .await
        .map_err(|_| CryptoError::Failed)?;
    // Overwrite the copy handed to the browser; the key object keeps its own.
    raw.fill(0, 0, raw.length());
    let base: CryptoKey = base.unchecked_into();
    let params =
        Pbkdf2Params::new_with_str(KDF_NAME, KDF_HASH, iterations, &Uint8Array::from(salt));
    let target = AesDerivedKeyParams::new(CIPHER_NAME, 256);
    let usages = Array::of1(&usage.into());
    let key =
        wait(subtle.derive_key_with_object_and_object(&params, &base, &target, false, &usages))
            .await
            .map_err(|_| CryptoError::Failed)?;
    Ok(key.unchecked_into())
}

/// Encrypts `plain` (a workspace file) with a fresh salt and IV.
pub async fn seal(plain: &[u8], passphrase: &str) -> Result<SealedFile, CryptoError> {
    let c = crypto()?;
    let mut salt = [0u8; SALT_BYTES];
    let mut iv = [0u8; IV_BYTES];
    c.get_random_values_with_u8_array(&mut salt)
        .map_err(|_| CryptoError::Failed)?;
    c.get_random_values_with_u8_array(&mut iv)
        .map_err(|_| CryptoError::Failed)?;
    let subtle = c.subtle();
    let key = derive_key(&subtle, passphrase, &salt, ITERATIONS, "encrypt").await?;
    let params = AesGcmParams::new(CIPHER_NAME, &Uint8Array::from(&iv[..]));
    // The data is copied by the browser when the call is made, before anything else runs.
    let out = wait(subtle.encrypt_with_object_and_u8_array(&params, &key, plain))
        .await
        .map_err(|_| CryptoError::Failed)?;
    let ciphertext = Uint8Array::new(&out.unchecked_into::<ArrayBuffer>()).to_vec();
    Ok(SealedFile {
        iterations: ITERATIONS,
        salt,
        iv,
        ciphertext,
    })
}

/// Decrypts a protected file. A wrong passphrase and a changed byte both fail AES-GCM's check.
pub async fn open(sealed: &SealedFile, passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let c = crypto()?;
    let subtle = c.subtle();
    let key = derive_key(
        &subtle,
        passphrase,
        &sealed.salt,
        sealed.iterations,
        "decrypt",
    )
    .await?;
    let params = AesGcmParams::new(CIPHER_NAME, &Uint8Array::from(&sealed.iv[..]));
    let out = wait(subtle.decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext))
        .await
        .map_err(|_| CryptoError::WrongPassphraseOrChanged)?;
    Ok(Uint8Array::new(&out.unchecked_into::<ArrayBuffer>()).to_vec())
}
