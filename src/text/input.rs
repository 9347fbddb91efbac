//! Text put into a field that holds at most so many characters (`maxlength`): how much of it the browser
//! leaves out, and the message at the field that says so.

use super::group_thousands;

/// The length of `text` as a field's `maxlength` counts it: UTF-16 units, with a line break typed or
/// pasted as `\r\n` (Windows) counted once, since the field keeps it as one character.
pub fn field_length(text: &str) -> usize {
    let crlf = text.matches("\r\n").count();
    text.encode_utf16().count() - crlf
}

/// How many characters of `inserted` do not fit in a field of at most `max` characters that holds `len`,
/// of which `selected` are replaced by the insertion. The browser keeps the beginning and leaves out the
/// rest, without a word.
pub fn left_out(len: usize, selected: usize, inserted: &str, max: usize) -> usize {
    let room = max.saturating_sub(len.saturating_sub(selected));
    field_length(inserted).saturating_sub(room)
}

/// The message at a field whose insertion was cut: «Teksten var for lang: de sidste 950.000 tegn kom ikke
/// med. Feltet rummer højst 50.000 tegn.»
pub fn left_out_message(lost: usize, max: usize) -> String {
    let what = if lost == 1 {
        "det sidste tegn".to_string()
    } else {
        format!("de sidste {} tegn", group_thousands(lost as i64))
    };
    format!(
        "Teksten var for lang: {what} kom ikke med. Feltet rummer højst {} tegn.",
        group_thousands(max as i64)
    )
}

/// The button of every file field (the browser's own says «Choose File» in an English browser).
pub const CHOOSE_FILE: &str = "Vælg fil";
/// Beside it until a file is chosen (the browser's own says «No file chosen»).
pub const NO_FILE_CHOSEN: &str = "Ingen fil valgt";

/// Beside the button once a file is chosen or dropped: «Valgt: «koege.json»».
pub fn file_chosen(name: &str) -> String {
    format!("Valgt: «{name}»")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_does_not_fit() {
        // A megabyte pasted into an empty note of at most 50.000 characters.
        let paste = "x".repeat(1_000_000);
        assert_eq!(left_out(0, 0, &paste, 50_000), 950_000);
        // Room left: 300 − 295 = 5.
        assert_eq!(left_out(295, 0, "abcdefgh", 300), 3);
        assert_eq!(left_out(295, 0, "abcde", 300), 0);
        // Replacing a selection makes room.
        assert_eq!(left_out(300, 10, "0123456789", 300), 0);
        assert_eq!(left_out(300, 10, "0123456789x", 300), 1);
        // A full field leaves out a typed character.
        assert_eq!(left_out(300, 0, "a", 300), 1);
        // A field already holding more than its limit has no room at all.
        assert_eq!(left_out(320, 0, "ab", 300), 2);
        // Windows line breaks count once; letters outside the basic plane twice, as the browser counts.
        assert_eq!(field_length("ab\r\ncd"), 5);
        assert_eq!(field_length("a\nb\rc"), 5);
        assert_eq!(field_length("æøå"), 3);
        assert_eq!(field_length("🙂"), 2);
        assert_eq!(left_out(0, 0, "ab\r\ncd", 5), 0);
    }

    #[test]
    fn the_message_at_the_field() {
        assert_eq!(
            left_out_message(950_000, 50_000),
            "Teksten var for lang: de sidste 950.000 tegn kom ikke med. Feltet rummer højst 50.000 tegn."
        );
        assert_eq!(
            left_out_message(1, 300),
            "Teksten var for lang: det sidste tegn kom ikke med. Feltet rummer højst 300 tegn."
        );
    }
}
