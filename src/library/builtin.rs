//! The exercises that ship with mend, embedded so the binary runs from anywhere.

/// A built-in exercise file: its name under `content/` and its bytes.
pub struct BuiltIn {
    pub file: &'static str,
    pub source: &'static str,
}

macro_rules! builtin {
    ($file:literal) => {
        BuiltIn {
            file: $file,
            source: include_str!(concat!("../../content/", $file)),
        }
    };
}

/// Every file in `content/`, in the order the home screen lists them:
/// the short evening check-in first, then the longer worksheets.
pub const BUILT_INS: &[BuiltIn] = &[
    builtin!("evening-check-in.toml"),
    builtin!("after-a-hard-handover.toml"),
    builtin!("before-you-send.toml"),
    builtin!("owning-a-mistake.toml"),
    builtin!("respecting-boundaries.toml"),
    builtin!("letting-go-of-resentment.toml"),
    builtin!("keeping-promises.toml"),
    builtin!("trust-inventory.toml"),
    builtin!("facts-not-feelings.toml"),
    builtin!("revisiting-as-children-grow.toml"),
    builtin!("talking-about-their-other-parent.toml"),
    builtin!("what-kind-of-co-parenting.toml"),
    builtin!("trusting-myself.toml"),
    builtin!("being-forgiven-and-forgiving.toml"),
    builtin!("an-unsent-letter.toml"),
    builtin!("a-blank-page.toml"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_content_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = BUILT_INS.iter().map(|b| b.file.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }
}
