//! The names of languages in each shipped language ("Russian", "русский",
//! "俄语"), for a source in another language: "(in Russian)".
//!
//! Hand-written rather than ICU4X's `icu_experimental` display names: that
//! crate and its compiled data for every locale would be built into the
//! binary for 144 words. The names are those of Unicode CLDR
//! (`localeDisplayNames/languages`, standalone forms), copied by hand;
//! CLDR's data is under the Unicode License v3
//! (<https://www.unicode.org/license.txt>).

/// The languages named, in this order in every row below.
const NAMED: [&str; 12] = [
    "ar", "de", "en", "es", "fr", "he", "hi", "ja", "pt", "ru", "uk", "zh",
];

/// Each shipped language's names of [`NAMED`], by reader's language.
const NAMES: [(&str, [&str; 12]); 12] = [
    (
        "ar",
        [
            "العربية",
            "الألمانية",
            "الإنجليزية",
            "الإسبانية",
            "الفرنسية",
            "العبرية",
            "الهندية",
            "اليابانية",
            "البرتغالية",
            "الروسية",
            "الأوكرانية",
            "الصينية",
        ],
    ),
    (
        "de",
        [
            "Arabisch",
            "Deutsch",
            "Englisch",
            "Spanisch",
            "Französisch",
            "Hebräisch",
            "Hindi",
            "Japanisch",
            "Portugiesisch",
            "Russisch",
            "Ukrainisch",
            "Chinesisch",
        ],
    ),
    (
        "en",
        [
            "Arabic",
            "German",
            "English",
            "Spanish",
            "French",
            "Hebrew",
            "Hindi",
            "Japanese",
            "Portuguese",
            "Russian",
            "Ukrainian",
            "Chinese",
        ],
    ),
    (
        "es",
        [
            "árabe",
            "alemán",
            "inglés",
            "español",
            "francés",
            "hebreo",
            "hindi",
            "japonés",
            "portugués",
            "ruso",
            "ucraniano",
            "chino",
        ],
    ),
    (
        "fr",
        [
            "arabe",
            "allemand",
            "anglais",
            "espagnol",
            "français",
            "hébreu",
            "hindi",
            "japonais",
            "portugais",
            "russe",
            "ukrainien",
            "chinois",
        ],
    ),
    (
        "he",
        [
            "ערבית",
            "גרמנית",
            "אנגלית",
            "ספרדית",
            "צרפתית",
            "עברית",
            "הינדי",
            "יפנית",
            "פורטוגזית",
            "רוסית",
            "אוקראינית",
            "סינית",
        ],
    ),
    (
        "hi",
        [
            "अरबी",
            "जर्मन",
            "अंग्रेज़ी",
            "स्पेनिश",
            "फ़्रेंच",
            "हिब्रू",
            "हिन्दी",
            "जापानी",
            "पुर्तगाली",
            "रूसी",
            "यूक्रेनियाई",
            "चीनी",
        ],
    ),
    (
        "ja",
        [
            "アラビア語",
            "ドイツ語",
            "英語",
            "スペイン語",
            "フランス語",
            "ヘブライ語",
            "ヒンディー語",
            "日本語",
            "ポルトガル語",
            "ロシア語",
            "ウクライナ語",
            "中国語",
        ],
    ),
    (
        "pt",
        [
            "árabe",
            "alemão",
            "inglês",
            "espanhol",
            "francês",
            "hebraico",
            "híndi",
            "japonês",
            "português",
            "russo",
            "ucraniano",
            "chinês",
        ],
    ),
    (
        "ru",
        [
            "арабский",
            "немецкий",
            "английский",
            "испанский",
            "французский",
            "иврит",
            "хинди",
            "японский",
            "португальский",
            "русский",
            "украинский",
            "китайский",
        ],
    ),
    (
        "uk",
        [
            "арабська",
            "німецька",
            "англійська",
            "іспанська",
            "французька",
            "іврит",
            "гінді",
            "японська",
            "португальська",
            "російська",
            "українська",
            "китайська",
        ],
    ),
    (
        "zh",
        [
            "阿拉伯语",
            "德语",
            "英语",
            "西班牙语",
            "法语",
            "希伯来语",
            "印地语",
            "日语",
            "葡萄牙语",
            "俄语",
            "乌克兰语",
            "中文",
        ],
    ),
];

/// The name of the language `tag` (a source's `language:`, whose region or
/// script is left out: `ru-RU` is Russian) in the shipped language
/// `reader`; `None` for a language the table does not name.
pub(crate) fn name(reader: &str, tag: &str) -> Option<&'static str> {
    let primary = primary(tag);
    let index = NAMED
        .iter()
        .position(|named| named.eq_ignore_ascii_case(primary))?;
    let (_, row) = NAMES.iter().find(|(r, _)| *r == reader)?;
    row.get(index).copied()
}

/// The language of a tag, without its region or script: `pt` of `pt-BR`.
pub(crate) fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_in_the_reader_s_language_whatever_the_tag_s_region() {
        assert_eq!(name("en", "ru"), Some("Russian"));
        assert_eq!(name("ru", "en-GB"), Some("английский"));
        assert_eq!(name("zh", "RU"), Some("俄语"));
        assert_eq!(name("ar", "fr"), Some("الفرنسية"));
        assert_eq!(name("en", "sw"), None);
        assert_eq!(name("xx", "ru"), None);
    }

    #[test]
    fn every_reader_names_every_language_and_itself_as_its_own() {
        for (reader, row) in NAMES {
            assert!(NAMED.contains(&reader));
            assert!(row.iter().all(|n| !n.is_empty()), "{reader}");
        }
        assert_eq!(name("de", "de"), Some("Deutsch"));
        assert_eq!(name("ja", "ja"), Some("日本語"));
    }
}
